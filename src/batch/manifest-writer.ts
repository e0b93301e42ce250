import { closeSync, constants, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { checkOutput, openOutputStream } from '../write/safe-output.js';
import {
  journalFileName,
  manifestFileName,
  manifestHead,
  manifestLineOf,
  manifestMiddle,
  manifestTail,
  orderedEntry,
  orderedFailed,
  serializeManifest,
  type FailedRow,
  type JournalLine,
  type ManifestEntry,
  type ManifestHeader,
  type WriteAtomic,
} from './manifest.js';

export interface ManifestWriterOptions {
  /** Marks temporary files as this run's (see out-dir.ts). */
  readonly tempTag?: string;
}

/**
 * Keeps DIR/manifest.json and its journal while a batch runs, so a crash loses at most the rows in flight, in
 * memory and time that do not grow with the rows already done.
 *
 * - `open` writes manifest.json at once with this run's header and no rows, so a journal never sits beside a
 *   header from another run (other options, another version), and starts an empty journal, `manifest.jsonl`.
 * - `add` / `fail` append one JSON line per finished row to the journal (one `write` on a file opened for
 *   appending; a short write is an error). The journal only grows: nothing is rewritten while rows finish.
 *   The write is synchronous: a few hundred bytes appended cost microseconds, where a hop to libuv's thread
 *   pool woke a second thread for every row (on one core, a switch away from rendering each time).
 * - `finish` streams the final manifest.json (with `rows_total`) from the journal, sorted by index, and removes
 *   the journal. `finish()` without a count (a run stopped by a signal) writes what is done, with no `rows_total`.
 * - `close` stops without finishing: the journal stays for `--resume` (see `loadPrevious` in load-previous.ts).
 *
 * Why a journal and not an atomic rewrite per row: that costs O(rows²) bytes. Measured here (2026-11-26, 2 shared
 * cores) for 2,000 rows of about 500 bytes each: a rewrite per row wrote 1 GB in 5.9 s; the journal took 0.08 s.
 * An earlier version also rewrote manifest.json whole every 5 s, which was quadratic too, and past about 490,000
 * rows grew beyond what placard reads back. Now only the position of each journal line is kept in memory (four
 * numbers a row), so a million rows need a few tens of megabytes at the end.
 *
 * Calls are queued, so `add` may be called without waiting for the previous call. A crash between a PDF's rename
 * and its journal line only means the row is rendered again on resume. No fsync: a killed process loses nothing
 * the kernel has; a power cut may lose the last seconds, which resume then renders again.
 */
export class ManifestWriter {
  private queue: Promise<unknown> = Promise.resolve();
  /** Per journal line: index, byte offset, byte length (without the newline), ENTRY or FAILED. A later line for an index wins. */
  private readonly lines: number[] = [];
  private size = 0;

  private constructor(
    private readonly file: string,
    private readonly journalFile: string,
    private readonly header: ManifestHeader,
    private journal: number | undefined,
    private readonly tempTag: string | undefined,
  ) {}

  /** Starts this run's record in DIR: read the earlier one first (`loadPrevious`) if you resume. */
  static async open(dir: string, header: ManifestHeader, write: WriteAtomic, options: ManifestWriterOptions = {}): Promise<ManifestWriter> {
    const file = join(dir, manifestFileName(header.shard));
    const journalFile = join(dir, journalFileName(header.shard));
    await write(file, serializeManifest({ ...header, entries: [], failed: [] }));
    let journal: number;
    try {
      // A new file, never one already there: removing first means a link planted at this name is not followed.
      rmSync(journalFile, { force: true });
      journal = openSync(journalFile, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND, 0o666);
    } catch (error) {
      throw new UsageError(`cannot write ${journalFile}: ${(error as Error).message}`);
    }
    return new ManifestWriter(file, journalFile, header, journal, options.tempTag);
  }

  /** Records a notice made (or carried over unchanged by a resume). Call it after the PDF is in place. */
  add(entry: ManifestEntry): Promise<void> {
    return this.enqueue(() => this.append(entry.index, { entry: orderedEntry(entry) }));
  }

  /** Records a row that could not be rendered (its problems go to errors.csv). */
  fail(row: FailedRow): Promise<void> {
    return this.enqueue(() => this.append(row.index, { failed: orderedFailed(row) }));
  }

  /**
   * Writes manifest.json from the journal, sorted by index, and removes the journal. With `rowsTotal` (the
   * number of records in the whole input) the run is complete; without, it stopped early and says so.
   */
  finish(rowsTotal?: number): Promise<void> {
    return this.enqueue(async () => {
      const latest = new Map<number, number>();
      for (let at = 0; at < this.lines.length; at += LINE) latest.set(this.lines[at]!, at);
      const order = [...latest.entries()].sort(([a], [b]) => a - b).map(([, at]) => at);
      const target = checkOutput(this.file, { replaceLinks: true, what: 'manifest', ...(this.tempTag ? { tempTag: this.tempTag } : {}) });
      const output = openOutputStream(target);
      const reader = new JournalReader(this.journal!);
      try {
        // Lines go out in pieces of about 64 KB: one write per row cost a stream write (and a system call) each.
        let pending = '';
        const write = (text: string): Promise<void> | undefined => {
          pending += text;
          if (pending.length < 64 * 1024) return undefined;
          return flush();
        };
        const flush = (): Promise<void> | undefined => {
          const text = pending;
          pending = '';
          return output.stream.write(text) ? undefined : new Promise((resolve) => output.stream.once('drain', resolve));
        };
        await write(manifestHead({ ...this.header, ...(rowsTotal !== undefined ? { rows_total: rowsTotal } : {}) }));
        for (const kind of [ENTRY, FAILED]) {
          let first = true;
          for (const at of order) {
            if (this.lines[at + 3] !== kind) continue;
            // The journal line is {"entry":VALUE} or {"failed":VALUE}, VALUE as JSON.stringify wrote it: the manifest's line is that text.
            const skip = kind === ENTRY ? ENTRY_PREFIX.length : FAILED_PREFIX.length;
            const value = reader.text(this.lines[at + 1]! + skip, this.lines[at + 2]! - skip - 1);
            await write(`${first ? '\n' : ',\n'}${manifestLineOf(value)}`);
            first = false;
          }
          await write(`${first ? '' : '\n  '}${kind === ENTRY ? manifestMiddle() : manifestTail()}`);
        }
        await flush();
        await output.commit();
      } catch (error) {
        await output.abort();
        throw error;
      }
      await this.closeJournal();
      await rm(this.journalFile, { force: true });
    });
  }

  /** Stops without finishing (a usage error mid-run): manifest.json and the journal stay for `--resume`. */
  close(): Promise<void> {
    return this.enqueue(() => this.closeJournal());
  }

  private async append(index: number, line: JournalLine): Promise<void> {
    if (this.journal === undefined) throw new Error(`manifest writer for ${this.file} is already closed`);
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`);
    let written: number;
    try {
      written = writeSync(this.journal, bytes);
    } catch (error) {
      throw new UsageError(`cannot write ${this.journalFile}: ${(error as Error).message}`);
    }
    if (written !== bytes.length) {
      throw new UsageError(`cannot write ${this.journalFile}: only ${written} of ${bytes.length} bytes were written (is the disk full?)`);
    }
    this.lines.push(index, this.size, bytes.length - 1, 'entry' in line ? ENTRY : FAILED);
    this.size += bytes.length;
  }

  private async closeJournal(): Promise<void> {
    const journal = this.journal;
    this.journal = undefined;
    if (journal !== undefined) closeSync(journal);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** Numbers kept per journal line (see `lines`), and what the line records. */
const LINE = 4;
const ENTRY = 0;
const FAILED = 1;
/** How a journal line starts, before the value (JSON.stringify of { entry } or { failed }). */
const ENTRY_PREFIX = '{"entry":';
const FAILED_PREFIX = '{"failed":';

/**
 * Reads pieces of the journal through a window of 64 KB: lines are mostly read in the order they were written,
 * so most come from the window already read.
 */
class JournalReader {
  private window = Buffer.alloc(0);
  private start = 0;

  constructor(private readonly fd: number) {}

  /** The UTF-8 text of `length` bytes at `offset` (the prefixes cut off are ASCII, so a piece starts and ends on a character). */
  text(offset: number, length: number): string {
    if (offset < this.start || offset + length > this.start + this.window.length) this.fill(offset, length);
    return this.window.toString('utf8', offset - this.start, offset - this.start + length);
  }

  private fill(offset: number, length: number): void {
    const buffer = Buffer.alloc(Math.max(64 * 1024, length));
    let done = 0;
    while (done < length) {
      const read = readSync(this.fd, buffer, done, buffer.length - done, offset + done);
      if (read === 0) throw new UsageError('the manifest journal was cut short while the run was writing it');
      done += read;
    }
    this.window = buffer.subarray(0, done);
    this.start = offset;
  }
}
