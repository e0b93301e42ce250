// Types for measure-sign.js, which scripts/gallery.js runs as plain JavaScript and the tests import.
export interface LastLine {
  readonly text: string;
  readonly lines: number;
  readonly words: number;
  readonly chars: number;
  readonly previousChars: number;
  readonly wide: boolean;
}
export interface ScriptRatios {
  readonly script: string;
  readonly h1h2?: number;
  readonly h2body?: number;
}
export interface MeasuredPage {
  readonly languages: number;
  /** The languages of the page's titles and key lines. */
  readonly langs: readonly string[];
  readonly titleCapMm?: number;
  readonly keyCapMm?: number;
  readonly ratios: readonly ScriptRatios[];
  readonly titleLast: readonly LastLine[];
  readonly keyLast: readonly LastLine[];
  readonly minSize?: number;
}
export const CAP_EM: number;
export const DRAWN_AT: {
  readonly optical: Readonly<Record<string, number>>;
  readonly display: Readonly<Record<string, number>>;
};
export function targetsFor(size: string, languages: number): { title?: number; key?: number; ratio: number };
export function measurePdf(bytes: Uint8Array, options?: { keyLine?: boolean }): Promise<MeasuredPage[]>;
export function isShortLast(last: LastLine): boolean;
export function breaches(page: MeasuredPage, size: string): string[];
export const EXCUSED: readonly {
  templates?: readonly string[];
  langs?: readonly string[];
  among?: readonly string[];
  sizes: readonly string[];
  breach: RegExp;
  reason: string;
}[];
export function excuse(breach: string, page: MeasuredPage, size: string, template: string): string | undefined;
