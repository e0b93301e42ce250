import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { UsageError } from '../../src/errors.js';
import { OutputFolder } from '../../src/write/output-folder.js';
import { checkOutput, writeOutputSync } from '../../src/write/safe-output.js';
import { thrown } from '../helpers/thrown.js';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'placard-output-folder-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0a]);

/** What `checkOutput` with `replaceLinks` answers or throws for the same file: the folder must answer the same. */
function both(folder: OutputFolder, name: string, inputs: readonly string[] = []): [unknown, unknown] {
  const answer = (check: () => unknown) => {
    try {
      return check();
    } catch (error) {
      return error instanceof UsageError ? `UsageError: ${error.message}` : error;
    }
  };
  return [
    answer(() => folder.target(name)),
    answer(() => checkOutput(path.join(dir, name), { inputs, replaceLinks: true, tempTag: 'abcd1234' })),
  ];
}

describe('OutputFolder', () => {
  it('answers a new file as checkOutput does, and writes it with no temporary file left', () => {
    const folder = new OutputFolder(dir, { tempTag: 'abcd1234' });
    const [target, expected] = both(folder, 'b1.pdf');
    expect(target).toEqual(expected);
    writeOutputSync(folder.target('b1.pdf'), BYTES);
    expect(fs.readdirSync(dir)).toEqual(['b1.pdf']);
    expect(new Uint8Array(fs.readFileSync(path.join(dir, 'b1.pdf')))).toEqual(BYTES);
  });

  it('replaces a link planted at a name, never writing where it points', () => {
    const elsewhere = path.join(dir, 'elsewhere.txt');
    fs.writeFileSync(elsewhere, 'not yours');
    fs.symlinkSync(elsewhere, path.join(dir, 'b1.pdf'));
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'b2.pdf'));
    const folder = new OutputFolder(dir, { tempTag: 'abcd1234' });
    for (const name of ['b1.pdf', 'b2.pdf']) {
      const [target, expected] = both(folder, name);
      expect(target).toEqual(expected);
      writeOutputSync(folder.target(name), BYTES);
      expect(fs.lstatSync(path.join(dir, name)).isFile()).toBe(true);
    }
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('not yours');
    expect(fs.existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  it('keeps the permission bits of a file it replaces', () => {
    fs.writeFileSync(path.join(dir, 'b1.pdf'), 'old');
    fs.chmodSync(path.join(dir, 'b1.pdf'), 0o640);
    const folder = new OutputFolder(dir, { tempTag: 'abcd1234' });
    const [target, expected] = both(folder, 'b1.pdf');
    expect(target).toEqual(expected);
    writeOutputSync(folder.target('b1.pdf'), BYTES);
    expect(fs.statSync(path.join(dir, 'b1.pdf')).mode & 0o777).toBe(0o640);
  });

  it('refuses what checkOutput refuses: a folder, a read-only file, an input (also by another name)', () => {
    const data = path.join(dir, 'rows.csv');
    fs.writeFileSync(data, 'id\n1\n');
    fs.linkSync(data, path.join(dir, 'b3.pdf'));
    fs.mkdirSync(path.join(dir, 'b1.pdf'));
    fs.writeFileSync(path.join(dir, 'b2.pdf'), 'keep me');
    fs.chmodSync(path.join(dir, 'b2.pdf'), 0o444);
    const folder = new OutputFolder(dir, { inputs: [data], tempTag: 'abcd1234' });
    for (const name of ['b1.pdf', 'b2.pdf', 'b3.pdf', 'rows.csv']) {
      const [target, expected] = both(folder, name, [data]);
      expect(target).toEqual(expected);
      expect(String(target)).toMatch(/^UsageError: cannot write /);
    }
    expect(fs.readFileSync(path.join(dir, 'b2.pdf'), 'utf8')).toBe('keep me');
  });

  it('names a missing folder as checkOutput does, and checks it again until it is there', () => {
    const missing = path.join(dir, 'out');
    const folder = new OutputFolder(missing);
    const error = thrown(UsageError, () => folder.target('b1.pdf'));
    expect(error.message).toBe(`cannot write ${path.join(missing, 'b1.pdf')}: the folder ${missing} does not exist; create it first`);
    fs.mkdirSync(missing);
    expect(folder.target('b1.pdf')).toEqual({ given: path.join(missing, 'b1.pdf'), path: path.join(missing, 'b1.pdf'), kind: 'file' });
  });
});
