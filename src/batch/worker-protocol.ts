import type { Problem } from '../errors.js';
import type { LaidPage } from '../layout/items.js';
import type { RawRecord } from '../contract/record.js';
import type { SessionOptions, Warning } from '../contract/public-api.js';

/** What a batch worker is started with: its session, and where it writes the PDFs. */
export interface WorkerSetup {
  readonly session: SessionOptions;
  readonly output?: {
    readonly dir: string;
    /** Files the run reads: a PDF may never be written over one of them. */
    readonly inputs: readonly string[];
    /** Marks the run's temporary files (see out-dir.ts). */
    readonly tempTag: string;
  };
}

/** One row for a worker: render it, and lay it out for the combined file when asked. Workers are sent arrays of these. */
export interface RenderTask {
  readonly index: number;
  readonly record: RawRecord;
  /** The PDF's name in the output folder: the worker writes it there. */
  readonly file?: string;
  /** Also send back the laid-out pages (for --combined). */
  readonly withPages?: boolean;
  /** Only lay out (a row kept by --resume that the combined file still needs): nothing is written. */
  readonly layoutOnly?: boolean;
}

export type TaskResult =
  | {
      readonly kind: 'done';
      readonly index: number;
      /** sha256 of the PDF the worker wrote; none when it only laid the row out. */
      readonly sha256?: string;
      readonly warnings: readonly Warning[];
      readonly languages: readonly string[];
      readonly pageCount: number;
      readonly pages?: readonly LaidPage[];
    }
  | { readonly kind: 'problems'; readonly index: number; readonly problems: readonly Problem[] }
  /** A template or usage error: the same for every row, so the run stops. */
  | { readonly kind: 'usage'; readonly index: number; readonly message: string }
  /** The PDF could not be written (a full disk, a folder at its name): the run stops with this message. */
  | { readonly kind: 'unwritable'; readonly index: number; readonly message: string }
  /** A bug, or a worker that stopped: the row fails and the run goes on. */
  | { readonly kind: 'internal'; readonly index: number; readonly message: string };

/** What renders a run's rows: a pool of worker threads (worker-pool.ts), or the main thread (in-thread-renderer.ts). */
export interface RowRenderers {
  /** Where results go; a run that starts its renderers early sets it once it is ready for them. */
  onResult: (result: TaskResult) => void;
  /** Milliseconds renderers sat with no row between two rows: the time lost waiting for the main thread. */
  readonly waitedMs: number;
  /** Hands a row over, waiting while the renderers hold as many as they may. */
  submit(task: RenderTask): Promise<void>;
  /** Resolves when every submitted row has its result. */
  drain(): Promise<void>;
  /** Stops (rows in flight get no result). */
  close(): Promise<void>;
}
