import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BatchEvent, BatchOptions } from '../batch/run-batch.js';
import type { RowError } from '../batch/errors-csv.js';
import { sessionOptions } from '../session/session-options.js';
import { InputError, UsageError } from '../errors.js';
import { openRows } from '../read/rows/read-rows.js';
import { HttpError, pipeBody } from './http-basics.js';
import { chosenColumns, fieldChoices } from './column-choice.js';
import { matchColumns, type ColumnMatch } from './column-match.js';
import type { BatchMessage } from './batch-messages.js';
import type { NoticeCatalog } from './notice-catalog.js';
import { serveWorkerFile } from './worker-file.js';

/** Spreadsheets the page takes; the upload's name only picks one of these, it never becomes a path. */
const FORMATS = { csv: 'csv', tsv: 'tsv', xlsx: 'xlsx' } as const;
type Format = keyof typeof FORMATS;

export interface BatchLimits {
  /** Bytes of one upload. */
  readonly uploadBytes: number;
  /** Batches held at once (uploaded, running or waiting to be downloaded). */
  readonly jobs: number;
  /** How long a finished batch's files stay for download. */
  readonly keepMs: number;
  /** Worker threads per batch. */
  readonly workers: number;
}

/** Problems shown in the page's table; errors.csv in the ZIP has them all. */
const SHOWN_PROBLEMS = 500;

interface Job {
  readonly id: string;
  readonly dir: string;
  readonly dataFile: string;
  readonly columns: readonly ColumnMatch[];
  notice?: string;
  state: 'uploaded' | 'running' | 'done' | 'failed';
  total: number;
  made: number;
  failed: number;
  problems: RowError[];
  message?: string;
  timer?: NodeJS.Timeout;
  worker?: Worker;
}

/**
 * Batches from the page, each in its own folder under one temporary folder:
 * the upload, the PDFs, manifest.json, errors.csv and the combined PDF, run
 * by the same runBatch as `placard batch`. A batch's folder is removed when
 * it has been kept long enough, and all of them when the server stops.
 */
export class BatchJobs {
  private readonly jobs = new Map<string, Job>();
  readonly root: string;

  constructor(
    private readonly catalog: NoticeCatalog,
    private readonly env: Readonly<Record<string, string | undefined>>,
    readonly limits: BatchLimits,
    private readonly log: (line: string) => void,
  ) {
    this.root = mkdtempSync(join(tmpdir(), 'placard-serve-'));
  }

  /** Saves an upload and reads its header row: which column the batch will read as which field. */
  async upload(
    request: IncomingMessage,
    name: string,
    notice: string,
  ): Promise<{ id: string; columns: readonly ColumnMatch[]; fields: { name: string; required: boolean }[] }> {
    const format = formatOf(name);
    const entry = this.catalog.get(notice);
    if (!entry) throw new HttpError(400, 'choose one of the notices this server offers');
    if (this.jobs.size >= this.limits.jobs) {
      throw new HttpError(429, 'the server is busy with other spreadsheets; try again in a few minutes', { 'Retry-After': '30' });
    }
    const id = randomUUID();
    const dir = join(this.root, id);
    const job: Job = {
      id,
      dir,
      dataFile: join(dir, `upload.${format}`),
      columns: [],
      state: 'uploaded',
      total: 0,
      made: 0,
      failed: 0,
      problems: [],
    };
    this.jobs.set(id, job);
    this.expire(job);
    try {
      await mkdir(dir);
      const file = await open(job.dataFile, 'wx');
      try {
        await pipeBody(request, this.limits.uploadBytes, async (chunk) => {
          await file.write(chunk);
        });
      } finally {
        await file.close();
      }
      const source = await openRows(job.dataFile, { format: FORMATS[format] });
      source.close();
      const columns = matchColumns(source.columns, entry.fields);
      Object.assign(job, { columns });
      return { id, columns, fields: fieldChoices(entry.fields) };
    } catch (error) {
      this.remove(job);
      if (error instanceof UsageError || error instanceof InputError) throw new HttpError(400, withoutPath(error.message, job));
      throw error;
    }
  }

  /**
   * Starts the batch runner on an upload; the page polls `status` for progress.
   * `columns`, when sent, is the match the user fixed by hand (checked by chosenColumns).
   */
  start(id: string, notice: string, flags: { size?: string; arrange?: string; lang?: string }, columns?: unknown): void {
    const job = this.find(id);
    if (job.state !== 'uploaded') throw new HttpError(409, 'this spreadsheet has already been started');
    const entry = this.catalog.get(notice);
    if (!entry) throw new HttpError(400, 'choose one of the notices this server offers');
    const explicit = columns === undefined ? undefined : chosenColumns(columns, job.columns, entry.fields);
    let session;
    try {
      session = sessionOptions(
        notice,
        { templates: [], font: [], locales: [], ...flags } as Parameters<typeof sessionOptions>[1],
        this.env,
      );
    } catch (error) {
      if (error instanceof UsageError) throw new HttpError(400, error.message);
      throw error;
    }
    job.state = 'running';
    job.notice = notice;
    const outDir = join(job.dir, 'out');
    const onEvent = (event: BatchEvent): void => {
      if (event.type === 'start') job.total = event.total;
      if (event.type !== 'row') return;
      if (event.status === 'failed') {
        job.failed++;
        for (const problem of event.problems ?? []) if (job.problems.length < SHOWN_PROBLEMS) job.problems.push(problem);
      } else job.made++;
    };
    const options: BatchOptions = {
      session,
      dataFile: job.dataFile,
      outDir,
      combined: join(outDir, 'combined.pdf'),
      jobs: this.limits.workers,
      ...(explicit ? { columns: explicit } : {}),
    };
    const worker = new Worker(serveWorkerFile('batch-worker'), { workerData: options });
    job.worker = worker;
    const end = (state: 'done' | 'failed', message?: string): void => {
      if (job.state !== 'running') return;
      job.state = state;
      if (message) job.message = message;
      job.worker = undefined;
    };
    worker.on('message', (message: BatchMessage) => {
      if (message.type === 'event') onEvent(message.event);
      else if (message.type === 'done') end('done');
      else {
        if (!message.refused) this.log(`placard serve: a batch failed: ${message.message}`);
        end(
          'failed',
          message.refused
            ? withoutPath(message.message, job)
            : 'placard met a problem it did not expect with this spreadsheet; the server log has the details',
        );
      }
    });
    const died = (error?: Error): void => {
      if (job.state !== 'running') return;
      this.log(`placard serve: a batch worker stopped: ${error?.stack ?? 'it exited'}`);
      end('failed', 'placard met a problem it did not expect with this spreadsheet; the server log has the details');
    };
    worker.on('error', died);
    worker.on('exit', () => died());
  }

  status(id: string): unknown {
    const job = this.find(id);
    return {
      id: job.id,
      state: job.state,
      total: job.total,
      made: job.made,
      failed: job.failed,
      problems: job.problems,
      ...(job.message ? { message: job.message } : {}),
    };
  }

  /** The finished batch's output folder, for the ZIP. */
  output(id: string): { dir: string; notice: string } {
    const job = this.find(id);
    if (job.state !== 'done') throw new HttpError(409, 'this spreadsheet is not finished yet');
    return { dir: join(job.dir, 'out'), notice: job.notice! };
  }

  /** Stops every running batch and removes every batch's files (the server is stopping). */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].map((job) => {
      clearTimeout(job.timer);
      return job.worker?.terminate();
    });
    this.jobs.clear();
    await Promise.all(running);
    rmSync(this.root, { recursive: true, force: true });
  }

  private find(id: string): Job {
    const job = /^[0-9a-f-]{36}$/.test(id) ? this.jobs.get(id) : undefined;
    if (!job) throw new HttpError(404, 'no such spreadsheet on this server (finished ones are kept for a while, then removed)');
    return job;
  }

  /** A batch is removed after keepMs; a running one gets another period. */
  private expire(job: Job): void {
    job.timer = setTimeout(() => (job.state === 'running' ? this.expire(job) : this.remove(job)), this.limits.keepMs);
    job.timer.unref();
  }

  private remove(job: Job): void {
    clearTimeout(job.timer);
    this.jobs.delete(job.id);
    rmSync(job.dir, { recursive: true, force: true });
  }
}

function formatOf(name: string): Format {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension && extension in FORMATS) return extension as Format;
  throw new HttpError(400, 'upload a spreadsheet saved as .xlsx, .csv or .tsv');
}

/** A message about the upload names it "the spreadsheet", never the server's folder. */
function withoutPath(message: string, job: Job): string {
  return message.split(job.dataFile).join('the spreadsheet').split(job.dir).join('the batch folder');
}
