import { closeSync, fstatSync, openSync } from 'node:fs';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { UsageError } from '../../../errors.js';
import { ROW_LIMITS } from '../../../contract/input-limits.js';

/** Parts in one workbook: more is not a spreadsheet someone saved. */
const MAX_ENTRIES = 10_000;

/**
 * An XLSX file's zip archive, read part by part with a cap on the
 * uncompressed bytes of each part, counted as they inflate (a zip bomb stops
 * at the cap, whatever its headers claim).
 */
export class Workbook {
  private constructor(
    readonly file: string,
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
  ) {}

  static async open(file: string): Promise<Workbook> {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        `cannot read data file ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`,
      );
    }
    let zip: ZipFile;
    try {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw new UsageError(`cannot read data file ${file}: it is a folder, expected a file`);
      if (stat.size > ROW_LIMITS.xlsxFileBytes)
        throw new UsageError(`data file ${file} is larger than ${ROW_LIMITS.xlsxFileBytes / 1024 / 1024} MB; split the workbook`);
      zip = await yauzl.fromFdPromise(fd, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
    } catch (error) {
      closeSync(fd);
      if (error instanceof UsageError) throw error;
      throw notXlsx(file, error);
    }
    try {
      const entries = new Map<string, Entry>();
      for await (const entry of zip.eachEntry()) {
        if (entries.size >= MAX_ENTRIES)
          throw new UsageError(`data file ${file} holds more than ${MAX_ENTRIES} parts; this is not a workbook placard can read`);
        if (entries.has(entry.fileName))
          throw new UsageError(
            `data file ${file} holds two parts named ${entry.fileName.slice(0, 80)}; a saved workbook has one of each, so this file was altered. Save it again from a spreadsheet program`,
          );
        entries.set(entry.fileName, entry);
      }
      return new Workbook(file, zip, entries);
    } catch (error) {
      zip.close();
      if (error instanceof UsageError) throw error;
      throw notXlsx(file, error);
    }
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  /** A part's bytes as they inflate, at most `maxBytes` in all. */
  async *bytes(part: string, maxBytes: number): AsyncGenerator<Buffer> {
    const entry = this.entries.get(part);
    if (!entry)
      throw new UsageError(
        `data file ${this.file}: the workbook has no part ${part}; open it in a spreadsheet program and save it again as .xlsx`,
      );
    if (entry.uncompressedSize > maxBytes) throw this.tooBig(part, maxBytes);
    let stream;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw notXlsx(this.file, error);
    }
    let total = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) throw this.tooBig(part, maxBytes);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw notXlsx(this.file, error);
    } finally {
      stream.destroy();
    }
  }

  /** A whole part as text (XML parts are UTF-8), at most `maxBytes`. */
  async text(part: string, maxBytes: number = ROW_LIMITS.xlsxPartBytes): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.bytes(part, maxBytes)) chunks.push(chunk);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    } catch {
      throw new UsageError(`data file ${this.file}: the part ${part} is not UTF-8; save the workbook again as .xlsx`);
    }
  }

  /** Closes the file; a second call does nothing. */
  close(): void {
    if (!this.zip.isOpen) return;
    this.zip.close();
  }

  private tooBig(part: string, maxBytes: number): UsageError {
    return new UsageError(
      `data file ${this.file}: the part ${part} unpacks to more than ${maxBytes / 1024 / 1024} MB; ` +
        'that is not a sheet of businesses (a zip bomb?); split the workbook or save it as CSV',
    );
  }
}

function notXlsx(file: string, error: unknown): UsageError {
  return new UsageError(
    `data file ${file} is not a readable XLSX workbook (${(error as Error).message}); ` +
      'an old .xls or a password-protected file must be saved again as .xlsx, or as CSV UTF-8',
  );
}
