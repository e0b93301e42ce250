import type { Problem } from '../errors.js';
import type { LaidPage } from '../layout/items.js';
import type { RawRecord } from '../contract/record.js';
import type { Warning } from '../contract/public-api.js';

/** One row for a worker: render it, and lay it out for the combined file when asked. */
export interface RenderTask {
  readonly index: number;
  readonly record: RawRecord;
  /** Also send back the laid-out pages (for --combined). */
  readonly withPages?: boolean;
  /** Only lay out (a row kept by --resume that the combined file still needs). */
  readonly layoutOnly?: boolean;
}

export type TaskResult =
  | {
      readonly kind: 'done';
      readonly index: number;
      readonly pdf?: Uint8Array;
      readonly warnings: readonly Warning[];
      readonly languages: readonly string[];
      readonly pageCount: number;
      readonly pages?: readonly LaidPage[];
    }
  | { readonly kind: 'problems'; readonly index: number; readonly problems: readonly Problem[] }
  /** A template or usage error: the same for every row, so the run stops. */
  | { readonly kind: 'usage'; readonly index: number; readonly message: string }
  /** A bug, or a worker that stopped: the row fails and the run goes on. */
  | { readonly kind: 'internal'; readonly index: number; readonly message: string };
