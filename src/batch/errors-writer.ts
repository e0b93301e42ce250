import { closeSync, constants, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { checkOutput, openOutputStream } from '../write/safe-output.js';
import { ERRORS_CSV_HEADER, errorsCsvLine, type RowError } from './errors-csv.js';

/**
 * DIR/errors.csv, written as rows fail: a run that is killed still leaves every failure found so far, and
 * nothing about a failed row stays in memory but where its lines are (three numbers a line).
 *
 * The file starts as a new file (a link planted at its name is removed, never followed) holding the header; each
 * failure is appended at once. `finish` leaves the lines sorted by row, stable, so the file never depends on which
 * worker finished first: when they arrived out of order, a sorted copy is streamed beside it and renamed over it.
 */
export class ErrorsWriter {
  private readonly lines: number[] = [];
  private size: number;
  private sorted = true;
  private lastRow = 0;

  private constructor(
    readonly path: string,
    private fd: number | undefined,
    private readonly tempTag: string | undefined,
  ) {
    this.size = Buffer.byteLength(ERRORS_CSV_HEADER);
  }

  static open(path: string, tempTag?: string): ErrorsWriter {
    let fd: number;
    try {
      rmSync(path, { force: true });
      fd = openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND, 0o666);
    } catch (error) {
      throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
    }
    const writer = new ErrorsWriter(path, fd, tempTag);
    writer.write(Buffer.from(ERRORS_CSV_HEADER));
    return writer;
  }

  /** Appends a failed row's lines. */
  add(errors: readonly RowError[]): void {
    for (const error of errors) {
      const bytes = Buffer.from(errorsCsvLine(error));
      this.write(bytes);
      if (error.row < this.lastRow) this.sorted = false;
      this.lastRow = Math.max(this.lastRow, error.row);
      this.lines.push(error.row, this.size, bytes.length);
      this.size += bytes.length;
    }
  }

  /** Leaves the file sorted by row and closes it. */
  async finish(): Promise<void> {
    if (this.fd === undefined) return;
    if (!this.sorted) {
      const order: number[] = [];
      for (let at = 0; at < this.lines.length; at += 3) order.push(at);
      order.sort((a, b) => this.lines[a]! - this.lines[b]! || a - b);
      const output = openOutputStream(checkOutput(this.path, { replaceLinks: true, ...(this.tempTag ? { tempTag: this.tempTag } : {}) }));
      try {
        const write = (bytes: Buffer): Promise<void> | undefined =>
          output.stream.write(bytes) ? undefined : new Promise((resolve) => output.stream.once('drain', resolve));
        await write(Buffer.from(ERRORS_CSV_HEADER));
        for (const at of order) await write(this.readAt(this.lines[at + 1]!, this.lines[at + 2]!));
        await output.commit();
      } catch (error) {
        await output.abort();
        throw error;
      }
    }
    this.close();
  }

  /** Stops: the file keeps what it has. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private write(bytes: Buffer): void {
    if (this.fd === undefined) throw new Error(`errors writer for ${this.path} is already closed`);
    let written: number;
    try {
      written = writeSync(this.fd, bytes);
    } catch (error) {
      throw new UsageError(`cannot write ${this.path}: ${(error as Error).message}`);
    }
    if (written !== bytes.length)
      throw new UsageError(`cannot write ${this.path}: only ${written} of ${bytes.length} bytes were written (is the disk full?)`);
  }

  private readAt(offset: number, length: number): Buffer {
    const buffer = Buffer.alloc(length);
    for (let done = 0; done < length;) {
      const read = readSync(this.fd!, buffer, done, length - done, offset + done);
      if (read === 0) throw new UsageError(`${this.path} was cut short while the run was writing it`);
      done += read;
    }
    return buffer;
  }
}
