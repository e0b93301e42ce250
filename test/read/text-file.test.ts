import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { decodeUtf8, firstBadByte, readTextFile } from '../../src/read/text-file.js';
import { thrown } from '../helpers/thrown.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'placard-text-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFname: Café', 'utf8'), 'x')).toBe('name: Café');
  });

  it('names the line and column of a Latin-1 byte instead of printing a replacement character', () => {
    const bytes = Buffer.concat([Buffer.from('id: 1\nname: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const error = thrown(UsageError, () => decodeUtf8(bytes, 'data file cafe.yaml'));
    expect(error.message).toContain('data file cafe.yaml: line 2, column 10: byte 0xE9 is not UTF-8');
  });

  it('finds overlong forms, surrogates and truncated sequences', () => {
    expect(firstBadByte(Buffer.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstBadByte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstBadByte(Buffer.from([0x41, 0x42, 0xe2, 0x82]))).toBe(2);
    expect(firstBadByte(Buffer.from('ok 😀 ✓', 'utf8'))).toBe(Buffer.byteLength('ok 😀 ✓'));
  });
});

describe('readTextFile', () => {
  it('stops reading an endless device at the limit', () => {
    const error = thrown(UsageError, () => readTextFile('/dev/zero', 1024));
    expect(error.message).toMatch(/\/dev\/zero is larger than 1 KB/);
  });

  it('refuses a folder and a missing file with their paths', () => {
    expect(thrown(UsageError, () => readTextFile(dir)).message).toContain(`${dir}: it is a folder`);
    expect(thrown(UsageError, () => readTextFile(path.join(dir, 'nope.yaml'))).message).toContain('no such file');
  });
});
