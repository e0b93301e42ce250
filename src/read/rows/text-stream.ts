import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { UsageError } from '../../errors.js';
import { firstBadByte } from '../text-file.js';
import { ROW_LIMITS } from '../../contract/input-limits.js';

/** Opens a data file for reading, with the same words as `readBytes` for a missing file, a folder or no permission. */
export async function openDataFile(file: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read data file ${file}: ${why}`);
  }
  try {
    if ((await handle.stat()).isDirectory()) throw new UsageError(`cannot read data file ${file}: it is a folder, expected a file`);
  } catch (error) {
    await handle.close();
    throw error instanceof UsageError ? error : new UsageError(`cannot read data file ${file}: ${(error as Error).message}`);
  }
  return handle;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Streams a file as UTF-8 text, checked strictly as it goes: a byte that is
 * not UTF-8, or a NUL (no text file has one; /dev/zero is all of them), is a
 * usage error naming its line and column. The byte order mark is dropped. The
 * file is closed when the caller stops early. `onBytes` is given the file's bytes as they are read, as they are.
 */
export async function* textChunks(
  file: string,
  maxBytes: number = ROW_LIMITS.streamBytes,
  options: { readonly nul?: boolean; readonly onBytes?: (chunk: Buffer) => void } = {},
): AsyncGenerator<string> {
  const handle = await openDataFile(file);
  const stream = handle.createReadStream({ highWaterMark: 64 * 1024 });
  let pending: Buffer = Buffer.alloc(0);
  let total = 0;
  let first = true;
  const where = { line: 1, column: 1 };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.onBytes?.(chunk);
      total += chunk.length;
      if (total > maxBytes)
        throw new UsageError(`data file ${file} is larger than ${maxBytes / 1024 / 1024} MB; split it into smaller files`);
      let bytes = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      if (first && bytes.length < 3 && bytes.every((b, i) => b === [0xef, 0xbb, 0xbf][i])) {
        pending = bytes;
        continue;
      }
      if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      else if (first && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        throw new UsageError(`data file ${file} is UTF-16 (Excel's "Unicode Text"); save it as UTF-8 (in Excel: "CSV UTF-8")`);
      }
      first = false;
      const cut = completeLength(bytes);
      pending = bytes.subarray(cut);
      const text = decodeChecked(bytes.subarray(0, cut), file, where, options.nul === true);
      if (text.length > 0) yield text;
    }
    if (pending.length > 0) decodeChecked(pending, file, where, options.nul === true);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read data file ${file}: ${(error as Error).message}`);
  } finally {
    stream.destroy();
    await handle.close().catch(() => undefined);
  }
}

/** Length of `bytes` without a multi-byte sequence cut off at its end (kept for the next chunk). */
function completeLength(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const b = bytes[i]!;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + need > bytes.length ? i : bytes.length;
    }
  }
  return bytes.length;
}

/** `nul`: a NUL byte is let through (CSV checks it per cell, so one bad cell fails one row). */
function decodeChecked(bytes: Uint8Array, file: string, where: { line: number; column: number }, nul = false): string {
  let text: string;
  let bad = -1;
  try {
    text = strict.decode(bytes);
    bad = nul ? -1 : text.indexOf('\0');
  } catch {
    const at = firstBadByte(bytes);
    text = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    advance(where, text);
    throw new UsageError(
      `data file ${file}: line ${where.line}, column ${where.column}: byte 0x${hex(bytes[at] ?? bytes[0]!)} is not UTF-8; ` +
        'save the file as UTF-8 (in Excel: "CSV UTF-8"; in LibreOffice: character set "Unicode (UTF-8)")',
    );
  }
  if (bad >= 0) {
    advance(where, text.slice(0, bad));
    throw new UsageError(`data file ${file}: line ${where.line}, column ${where.column}: a NUL byte (0x00); this is not a text file`);
  }
  advance(where, text);
  return text;
}

function advance(where: { line: number; column: number }, text: string): void {
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak < 0) {
    where.column += [...text].length;
    return;
  }
  let breaks = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
  where.line += breaks;
  where.column = [...text.slice(lastBreak + 1)].length + 1;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
