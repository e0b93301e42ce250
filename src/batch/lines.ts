import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;
const strict = new TextDecoder('utf-8', { fatal: true });

/** One line of a file: its number from 1, its text, or undefined when it is not whole UTF-8 or is too long. */
export interface Line {
  readonly number: number;
  readonly text: string | undefined;
  /** The last line had no newline after it: a write that was cut off. */
  readonly torn: boolean;
}

/**
 * Reads a file a line at a time, a megabyte at a time, so a file larger than a JavaScript string can hold (a
 * million-row journal or manifest) is still read, and so a line is decoded on its own: a line cut in the middle
 * of a character, or not UTF-8 at all, spoils only itself. Hand-written rather than `readline`, which decodes the
 * stream as one text (a torn character turns into U+FFFD silently) and has no limit on a line's length.
 */
export function* eachLine(file: string, maxLine: number): Generator<Line> {
  const fd = openSync(file, 'r');
  try {
    let carry: Buffer[] = [];
    let carried = 0;
    let tooLong = false;
    let number = 0;
    const buffer = Buffer.alloc(CHUNK);
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      let start = 0;
      for (let newline = buffer.indexOf(10, start); newline !== -1 && newline < read; newline = buffer.indexOf(10, start)) {
        number += 1;
        const piece = buffer.subarray(start, newline);
        yield {
          number,
          text: tooLong || carried + piece.length > maxLine ? undefined : decode(Buffer.concat([...carry, piece])),
          torn: false,
        };
        carry = [];
        carried = 0;
        tooLong = false;
        start = newline + 1;
      }
      const rest = buffer.subarray(start, read);
      if (carried + rest.length > maxLine) {
        tooLong = true;
        carry = [];
      } else if (!tooLong) carry.push(Buffer.from(rest));
      carried += rest.length;
    }
    if (carried > 0) yield { number: number + 1, text: tooLong ? undefined : decode(Buffer.concat(carry)), torn: true };
  } finally {
    closeSync(fd);
  }
}

function decode(bytes: Buffer): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}
