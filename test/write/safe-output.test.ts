import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { UsageError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { checkOutput, OutputFolder, writeSafely } from '../../src/write/safe-output.js';

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

describe('writeSafely: regular files', () => {
  it('writes the bytes exactly', async () => {
    const target = path.join(dir, 'notice.pdf');
    await writeSafely(target, PDF_BYTES);
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(PDF_BYTES);
  });

  it('writes an empty file', async () => {
    const target = path.join(dir, 'empty.pdf');
    await writeSafely(target, new Uint8Array());
    expect(fs.statSync(target).size).toBe(0);
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'notice.pdf');
    fs.writeFileSync(target, 'an older, longer notice that must be gone');
    await writeSafely(target, PDF_BYTES);
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(PDF_BYTES);
  });

  it('refuses a missing folder instead of creating it, naming the folder', async () => {
    const target = path.join(dir, 'out', 'minneapolis', 'b001.pdf');
    await expect(writeSafely(target, PDF_BYTES)).rejects.toThrow(`the folder ${path.join(dir, 'out', 'minneapolis')} does not exist`);
    expect(listAll(dir)).toEqual([]);
  });

  it('leaves no temporary file behind', async () => {
    await writeSafely(path.join(dir, 'notice.pdf'), PDF_BYTES);
    expect(listAll(dir)).toEqual(['notice.pdf']);
  });

  it('keeps a file name with spaces and non-Latin letters', async () => {
    const target = path.join(dir, 'Phở Bình Minh — 金龍.pdf');
    await writeSafely(target, PDF_BYTES);
    expect(listAll(dir)).toEqual(['Phở Bình Minh — 金龍.pdf']);
  });

  it('writes several files to one folder at once without mixing them up', async () => {
    const files = Array.from({ length: 20 }, (_, index) => path.join(dir, `notice-${String(index).padStart(2, '0')}.pdf`));
    await Promise.all(files.map((file, index) => writeSafely(file, new Uint8Array([index]))));
    expect(listAll(dir)).toEqual(files.map((file) => path.basename(file)));
    files.forEach((file, index) => expect([...fs.readFileSync(file)]).toEqual([index]));
  });

  it('throws a UsageError naming the target when the target is an existing folder, and leaves no temporary file', async () => {
    const target = path.join(dir, 'notice.pdf');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'keep');
    const attempt = writeSafely(target, PDF_BYTES);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(`cannot write ${target}`);
    expect(listAll(dir)).toEqual(['notice.pdf', path.join('notice.pdf', 'inside.txt')]);
  });

  it('throws a UsageError when a parent folder is a file', async () => {
    const blocker = path.join(dir, 'blocker');
    fs.writeFileSync(blocker, 'not a folder');
    const target = path.join(blocker, 'notice.pdf');
    await expect(writeSafely(target, PDF_BYTES)).rejects.toThrow(UsageError);
    expect(listAll(dir)).toEqual(['blocker']);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('not a folder');
  });
});

describe('writeSafely: what it must never replace', () => {
  it('writes through a symlink, keeping the link and its target in place', async () => {
    fs.mkdirSync(path.join(dir, 'real'));
    const real = path.join(dir, 'real', 'notice.pdf');
    fs.writeFileSync(real, 'old');
    const link = path.join(dir, 'link.pdf');
    fs.symlinkSync(path.join('real', 'notice.pdf'), link);
    await writeSafely(link, PDF_BYTES);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(new Uint8Array(fs.readFileSync(real))).toEqual(PDF_BYTES);
    expect(listAll(dir)).toEqual(['link.pdf', 'real', path.join('real', 'notice.pdf')]);
  });

  it('writes through a dangling symlink to a new file beside its target', async () => {
    fs.mkdirSync(path.join(dir, 'real'));
    const link = path.join(dir, 'link.pdf');
    fs.symlinkSync(path.join(dir, 'real', 'new.pdf'), link);
    await writeSafely(link, PDF_BYTES);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(new Uint8Array(fs.readFileSync(path.join(dir, 'real', 'new.pdf')))).toEqual(PDF_BYTES);
  });

  it('writes to a character device without replacing it', async () => {
    const before = fs.statSync('/dev/null');
    await writeSafely('/dev/null', PDF_BYTES);
    const after = fs.statSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.ino).toBe(before.ino);
  });

  it.skipIf(process.platform === 'win32')('writes into a FIFO that a program reads, and refuses one nobody reads', async () => {
    const fifo = path.join(dir, 'pipe');
    const { execFileSync, spawn } = await import('node:child_process');
    execFileSync('mkfifo', [fifo]);
    await expect(writeSafely(fifo, PDF_BYTES)).rejects.toThrow('it is a FIFO that no program is reading');
    const reader = spawn('cat', [fifo]);
    const received: Buffer[] = [];
    reader.stdout.on('data', (chunk: Buffer) => received.push(chunk));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    for (let tries = 0; ; tries++) {
      try {
        await writeSafely(fifo, PDF_BYTES);
        break;
      } catch (error) {
        if (tries > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await closed;
    expect(new Uint8Array(Buffer.concat(received))).toEqual(PDF_BYTES);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a read-only file, even for root', async () => {
    const target = path.join(dir, 'kept.pdf');
    fs.writeFileSync(target, 'keep me');
    fs.chmodSync(target, 0o444);
    await expect(writeSafely(target, PDF_BYTES)).rejects.toThrow('read-only');
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('refuses to write over an input file, also through a link', async () => {
    const data = path.join(dir, 'business.yaml');
    fs.writeFileSync(data, 'name: Joe\n');
    fs.symlinkSync(data, path.join(dir, 'alias.pdf'));
    for (const output of [data, path.join(dir, 'alias.pdf')]) {
      const error = thrown(UsageError, () => checkOutput(output, { inputs: [data] }));
      expect(error.message).toContain(`it is the input file ${data}`);
    }
    expect(fs.readFileSync(data, 'utf8')).toBe('name: Joe\n');
  });

  it('keeps the permission bits of the file it replaces', async () => {
    const target = path.join(dir, 'notice.pdf');
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, 0o640);
    await writeSafely(target, PDF_BYTES);
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
  });
});

describe('OutputFolder: many files written by name into one folder', () => {
  it('writes as checkOutput and writeOutputSync do: links replaced, modes kept, inputs and read-only files refused', () => {
    const folder = new OutputFolder(dir, { inputs: [path.join(dir, 'data.csv')], tempTag: 'abcd1234' });
    folder.write('a.pdf', PDF_BYTES);
    folder.write('b.pdf', PDF_BYTES);
    fs.writeFileSync(path.join(dir, 'elsewhere.pdf'), 'kept');
    fs.symlinkSync(path.join(dir, 'elsewhere.pdf'), path.join(dir, 'link.pdf'));
    folder.write('link.pdf', PDF_BYTES);
    expect(fs.lstatSync(path.join(dir, 'link.pdf')).isFile()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'elsewhere.pdf'), 'utf8')).toBe('kept');
    fs.chmodSync(path.join(dir, 'a.pdf'), 0o640);
    folder.write('a.pdf', PDF_BYTES);
    expect(fs.statSync(path.join(dir, 'a.pdf')).mode & 0o777).toBe(0o640);
    fs.writeFileSync(path.join(dir, 'data.csv'), 'id\n');
    expect(thrown(UsageError, () => folder.write('data.csv', PDF_BYTES)).message).toContain('it is the input file');
    fs.mkdirSync(path.join(dir, 'sub.pdf'));
    expect(thrown(UsageError, () => folder.write('sub.pdf', PDF_BYTES)).message).toContain('it is a folder');
    expect(new Uint8Array(fs.readFileSync(path.join(dir, 'b.pdf')))).toEqual(PDF_BYTES);
    expect(listAll(dir)).toEqual(['a.pdf', 'b.pdf', 'data.csv', 'elsewhere.pdf', 'link.pdf', 'sub.pdf']);
  });

  it('says a folder removed after its first file as checkOutput says it', () => {
    const inside = path.join(dir, 'out');
    fs.mkdirSync(inside);
    const folder = new OutputFolder(inside, {});
    folder.write('a.pdf', PDF_BYTES);
    fs.rmSync(inside, { recursive: true });
    const expected = thrown(UsageError, () => checkOutput(path.join(inside, 'b.pdf'), { replaceLinks: true })).message;
    expect(thrown(UsageError, () => folder.write('b.pdf', PDF_BYTES)).message).toBe(expected);
  });
});
