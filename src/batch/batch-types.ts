import type { SessionOptions } from '../contract/public-api.js';
import type { ExplicitColumns } from '../read/rows/column-map.js';
import type { RowFormat } from '../read/rows/read-rows.js';
import type { RowError } from './errors-csv.js';
import type { Shard } from './shard.js';

export interface BatchOptions {
  readonly session: SessionOptions;
  readonly dataFile: string;
  readonly format?: RowFormat;
  readonly sheet?: string;
  readonly outDir: string;
  readonly combined?: string;
  /** Worker threads; default one per core the process may use (a cgroup CPU quota counts), never more than rows. */
  readonly jobs?: number;
  readonly resume?: boolean;
  readonly shard?: Shard;
  /** The row that holds the column names (--header-row); default found. */
  readonly headerRow?: number;
  /** Field → column header, from --map and --columns. */
  readonly columns?: ExplicitColumns;
}

/** What the runner tells its caller while it works (the CLI draws progress from these). */
export type BatchEvent =
  | { readonly type: 'start'; readonly total: number; readonly notes: readonly string[] }
  | { readonly type: 'row'; readonly row: number; readonly status: 'made' | 'skipped' | 'failed'; readonly problems?: readonly RowError[] }
  | { readonly type: 'warning'; readonly message: string }
  | { readonly type: 'note'; readonly message: string };

export interface BatchSummary {
  readonly total: number;
  readonly made: number;
  readonly skipped: number;
  readonly failed: number;
  readonly seconds: number;
  readonly manifest: string;
  readonly errors: string;
  readonly combined?: string;
  /** Stack traces of bugs met on the way (rows that failed because of placard, not their data). */
  readonly internal: readonly string[];
  /** Seconds the workers sat with no row to render while the run still had rows (waiting for the main thread). */
  readonly workersWaited: number;
  /** The signal that stopped the run early; what was done is recorded, and `--resume` finishes it. */
  readonly interrupted?: 'SIGINT' | 'SIGTERM';
}
