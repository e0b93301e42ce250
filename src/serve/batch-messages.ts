import type { BatchEvent } from '../batch/run-batch.js';

/** What a batch worker tells the server: runBatch's events, then how the run ended. */
export type BatchMessage =
  | { readonly type: 'event'; readonly event: BatchEvent }
  | { readonly type: 'done' }
  /** `refused`: the spreadsheet's or the options' fault (shown to the user); otherwise a bug (logged only). */
  | { readonly type: 'failed'; readonly refused: boolean; readonly message: string };
