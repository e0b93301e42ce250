import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputDigest } from '../../src/batch/input-digest.js';
import { tempDir } from '../read/rows/rows-helpers.js';

const dir = tempDir('input-digest');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('inputDigest', () => {
  it("gives a CSV's sha256 and rows, and keeps the records with the hash of the bytes they were read from", async () => {
    const text = '\uFEFFCity of Springfield\r\n\r\nid,name\r\nb1,Cafe\r\nb2,"Two\nlines"\r\n';
    const file = path.join(dir, 'city.csv');
    fs.writeFileSync(file, text);
    const digest = await inputDigest(file, {});
    expect(digest.records).toBe(2);
    expect(digest.sha256).toBe(sha256(Buffer.from(text)));
    expect(digest.parsed?.sha256).toBe(digest.sha256);
  });

  it('hashes the file itself when its records are not kept: a CSV too large to keep, or JSON', async () => {
    const big = path.join(dir, 'big.csv');
    const row = `b,${'x'.repeat(200)}\n`;
    fs.writeFileSync(big, `id,name\n${row.repeat(25_000)}`);
    const kept = await inputDigest(big, {});
    expect(kept.parsed).toBeUndefined();
    expect(kept.records).toBe(25_000);
    expect(kept.sha256).toBe(sha256(fs.readFileSync(big)));
    const json = path.join(dir, 'rows.json');
    fs.writeFileSync(json, '[{"id":"b1","name":"Cafe"}]');
    expect(await inputDigest(json, {})).toEqual({ sha256: sha256(fs.readFileSync(json)), records: 1, parsed: undefined });
  });
});
