import type { Problem } from '../errors.js';
import type { RawRecord } from '../contract/record.js';
import type { SessionOptions, Warning } from '../contract/public-api.js';

/** One notice for a render worker: the session it needs (prepared once per worker and kept) and the details. */
export interface RenderJob {
  readonly session: SessionOptions;
  readonly record: RawRecord;
  /** Answer a PNG of the first page this wide (a picker's thumbnail) instead of the PDF. */
  readonly thumbnailWidth?: number;
}

export type RenderAnswer =
  | {
      readonly kind: 'notice';
      readonly pdf: Uint8Array;
      readonly pageCount: number;
      readonly languages: readonly string[];
      readonly warnings: readonly Warning[];
    }
  | { readonly kind: 'problems'; readonly problems: readonly Problem[]; readonly warnings: readonly Warning[] }
  | { readonly kind: 'png'; readonly png: Uint8Array }
  /** The options cannot make a notice (an unknown language, a bad link): the client's to fix. */
  | { readonly kind: 'refused'; readonly message: string }
  /** A bug: logged by the server, never sent to the client. */
  | { readonly kind: 'internal'; readonly message: string };
