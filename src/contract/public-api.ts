import type { Problem } from './problem.js';
import type { PageSizeName } from './page-sizes.js';
import type { Arrangement } from './arrangements.js';

/** What a render session is prepared with: the same for every notice it makes. Never changed by the pipeline. */
export interface SessionOptions {
  readonly template: string;
  readonly templateDirs?: readonly string[];
  readonly localeDirs?: readonly string[];
  readonly fonts?: readonly string[];
  readonly languages?: readonly string[];
  readonly arrange?: Arrangement;
  readonly size?: PageSizeName;
  readonly rightsUrl?: string;
  /** Print-shop bleed in millimetres (0–10): crop marks, TrimBox and BleedBox. */
  readonly bleed?: number;
  /** Seconds since 1970 (SOURCE_DATE_EPOCH); otherwise the template's wording date is used. */
  readonly sourceDateEpoch?: number;
  /** Refuse draft translations instead of warning. */
  readonly requireReviewed?: boolean;
  /**
   * Where auto-fit starts for each kind of page, as an earlier session left them (Renderer.fitHints): fewer
   * attempts, the same bytes whatever they hold (layout/fit-hints.ts).
   */
  readonly fitHints?: FitHintList;
}

/** Auto-fit's grid step for each kind of page (its languages, paper, blocks and type floors), oldest first. */
export type FitHintList = readonly (readonly [kind: string, step: number])[];

/** One notice as the user asked for it: session options, and where the business comes from. */
export interface RenderRequest extends SessionOptions {
  readonly dataFile?: string;
  readonly sets?: readonly string[];
}

/** Something worth saying that does not stop the notice, such as a draft translation. */
export interface Warning {
  readonly message: string;
  readonly lang?: string;
  readonly field?: string;
}

export interface RenderedNotice {
  readonly pdf: Uint8Array;
  readonly warnings: readonly Warning[];
  readonly pageCount: number;
  /** The languages printed, in order. */
  readonly languages: readonly string[];
}

/** What a renderer gives for one record: a notice, or every problem with the record. */
export type RenderResult =
  | ({ readonly ok: true } & RenderedNotice)
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly warnings: readonly Warning[] };
