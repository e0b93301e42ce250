/** One problem found in the user's input: where it is, and what was expected. */
export interface Problem {
  readonly file?: string;
  readonly row?: number;
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
  /** A translation key ("private-areas:title"); messages name it as a key, not a field. */
  readonly key?: string;
  readonly value?: string;
  readonly message: string;
}
