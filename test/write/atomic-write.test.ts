import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { UsageError } from '../../src/errors.js';
import { writeAtomic } from '../../src/write/atomic-write.js';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'placard-atomic-write-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every file and folder under `root`, relative to it. */
function listAll(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).sort();
}

const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0x80]);

describe('writeAtomic', () => {
  it('writes the bytes exactly', async () => {
    const target = path.join(dir, 'notice.pdf');
    await writeAtomic(target, PDF_BYTES);
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(PDF_BYTES);
  });

  it('writes an empty file', async () => {
    const target = path.join(dir, 'empty.pdf');
    await writeAtomic(target, new Uint8Array());
    expect(fs.statSync(target).size).toBe(0);
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'notice.pdf');
    fs.writeFileSync(target, 'an older, longer notice that must be gone');
    await writeAtomic(target, PDF_BYTES);
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(PDF_BYTES);
  });

  it('creates missing folders', async () => {
    const target = path.join(dir, 'out', 'minneapolis', 'b001.pdf');
    await writeAtomic(target, PDF_BYTES);
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(PDF_BYTES);
  });

  it('leaves no temporary file behind', async () => {
    await writeAtomic(path.join(dir, 'nested', 'notice.pdf'), PDF_BYTES);
    expect(listAll(dir)).toEqual(['nested', path.join('nested', 'notice.pdf')]);
  });

  it('keeps a file name with spaces and non-Latin letters', async () => {
    const target = path.join(dir, 'Phở Bình Minh — 金龍.pdf');
    await writeAtomic(target, PDF_BYTES);
    expect(listAll(dir)).toEqual(['Phở Bình Minh — 金龍.pdf']);
  });

  it('writes several files to one folder at once without mixing them up', async () => {
    const files = Array.from({ length: 20 }, (_, index) => path.join(dir, `notice-${String(index).padStart(2, '0')}.pdf`));
    await Promise.all(files.map((file, index) => writeAtomic(file, new Uint8Array([index]))));
    expect(listAll(dir)).toEqual(files.map((file) => path.basename(file)));
    files.forEach((file, index) => expect([...fs.readFileSync(file)]).toEqual([index]));
  });

  it('throws a UsageError naming the target when the target is an existing folder, and leaves no temporary file', async () => {
    const target = path.join(dir, 'notice.pdf');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'keep');
    const attempt = writeAtomic(target, PDF_BYTES);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(`cannot write ${target}`);
    expect(listAll(dir)).toEqual(['notice.pdf', path.join('notice.pdf', 'inside.txt')]);
  });

  // BUG: when mkdir fails, the clean-up `rm(temporary, { force: true })` in the catch block throws
  // too (force ignores only ENOENT, and here lstat fails with ENOTDIR), so the caller gets Node's raw
  // "ENOTDIR: not a directory, lstat '<dir>/blocker/.notice.pdf.<hex>.tmp'" Error instead of the
  // UsageError (exit 3, "internal error", instead of exit 2). Input: writeAtomic('<dir>/blocker/notice.pdf')
  // where <dir>/blocker is a regular file.
  it('throws a UsageError when a parent folder is a file', async () => {
    const blocker = path.join(dir, 'blocker');
    fs.writeFileSync(blocker, 'not a folder');
    const target = path.join(blocker, 'notice.pdf');
    await expect(writeAtomic(target, PDF_BYTES)).rejects.toThrow(UsageError);
    expect(listAll(dir)).toEqual(['blocker']);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('not a folder');
  });
});
