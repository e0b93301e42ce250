import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { MAX_DATA_FILE_BYTES } from '../contract/input-limits.js';

/**
 * Reads at most `maxBytes` of a file, refusing anything larger without
 * reading it all: a FIFO or a device that never ends stops at the limit.
 */
export function readBytes(file: string, maxBytes: number, what = 'data file'): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read ${what} ${file}: ${why}`);
  }
  try {
    if (fstatSync(fd).isDirectory()) throw new UsageError(`cannot read ${what} ${file}: it is a folder, expected a file`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) {
        throw new UsageError(`${what} ${file} is larger than ${formatBytes(maxBytes)}; expected a small text file`);
      }
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${what} ${file}: ${(error as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

/** Reads a UTF-8 text file (at most `maxBytes`), without its byte order mark. */
export function readTextFile(file: string, maxBytes = MAX_DATA_FILE_BYTES, what = 'data file'): string {
  return decodeUtf8(readBytes(file, maxBytes, what), `${what} ${file}`);
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes UTF-8 strictly: a byte that is not UTF-8 (a Latin-1 "é", say) is a
 * usage error naming the line and column of the first bad byte, never a "�".
 */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    const at = firstBadByte(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const lines = prefix.split('\n');
    const column = [...lines.at(-1)!].length + 1;
    throw new UsageError(
      `${source}: line ${lines.length}, column ${column}: byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8; ` +
        'save the file as UTF-8 (in Excel: "CSV UTF-8"; in LibreOffice: character set "Unicode (UTF-8)")',
    );
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]!;
      let low = 0x80;
      let high = 0xbf;
      if (k === 1 && b === 0xe0) low = 0xa0;
      if (k === 1 && b === 0xed) high = 0x9f;
      if (k === 1 && b === 0xf0) low = 0x90;
      if (k === 1 && b === 0xf4) high = 0x8f;
      if (c < low || c > high) return i;
    }
    i += length;
  }
  return bytes.length;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
