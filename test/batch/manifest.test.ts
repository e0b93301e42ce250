import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalFileName, manifestFileName, parseManifest, serializeManifest, type Manifest } from '../../src/batch/manifest.js';
import { loadPrevious } from '../../src/batch/load-previous.js';
import { readManifestFile } from '../../src/batch/manifest-read.js';
import { UsageError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { entry, HEADER, tempDir } from './manifest-fixtures.js';

const text = (manifest: Manifest): string => new TextDecoder().decode(serializeManifest(manifest));

describe('manifest file', () => {
  it('reads back what it writes', () => {
    const manifest: Manifest = {
      ...HEADER,
      shard: { k: 2, n: 3 },
      rows_total: 9,
      entries: [entry(1), entry(4)],
      failed: [{ row: 9, index: 7 }],
    };
    expect(parseManifest(text(manifest), 'm.json')).toEqual(manifest);
  });

  it('is the same text whatever order rows and options arrive in', () => {
    const a: Manifest = {
      ...HEADER,
      entries: [entry(0), entry(1), entry(2)],
      failed: [
        { row: 5, index: 3, name: 'x' },
        { row: 6, index: 4 },
      ],
    };
    const b: Manifest = {
      ...HEADER,
      options: Object.fromEntries(Object.entries(HEADER.options).reverse()),
      entries: [entry(2), entry(0), entry(1)],
      failed: [
        { row: 6, index: 4 },
        { name: 'x', index: 3, row: 5 },
      ],
    };
    expect(text(b)).toBe(text(a));
    expect(text(a)).toMatch(/^\{\n {2}"placard_version": "0\.1\.0",\n {2}"template": "private-areas",\n {2}"input"/);
    expect(text(a).endsWith('}\n')).toBe(true);
  });

  it('refuses a file that is not a manifest, naming the file and what is wrong', () => {
    expect(thrown(UsageError, () => parseManifest('{"entries": [', 'out/manifest.json')).message).toMatch(
      /^out\/manifest\.json is not a placard manifest: it is not valid JSON/,
    );
    const bad = { ...JSON.parse(text({ ...HEADER, entries: [entry(0)], failed: [] })), extra: 1 };
    bad.entries[0].sha256 = 'nope';
    const message = thrown(UsageError, () => parseManifest(JSON.stringify(bad), 'm.json')).message;
    expect(message).toContain('entries.0.sha256: expected 64 lower-case hex digits');
    expect(message).toMatch(/extra/);
  });

  it('reads a large manifest a line at a time, as it reads a small one whole', () => {
    const manifest: Manifest = {
      ...HEADER,
      rows_total: 40,
      entries: [...Array(30).keys()].map((index) => entry(index)),
      failed: [{ row: 40, index: 38, name: 'x' }],
    };
    const file = join(tempDir(), 'manifest.json');
    writeFileSync(file, serializeManifest(manifest));
    expect(readManifestFile(file, 100)).toEqual(readManifestFile(file));
    expect(readManifestFile(file, 100)).toEqual(manifest);
    const empty = join(tempDir(), 'manifest.json');
    writeFileSync(empty, serializeManifest({ ...HEADER, entries: [], failed: [] }));
    expect(readManifestFile(empty, 10)).toEqual({ ...HEADER, entries: [], failed: [] });
    writeFileSync(file, text(manifest).replace('"row":5,', '"row":"five",'));
    expect(thrown(UsageError, () => readManifestFile(file, 100)).message).toMatch(
      /manifest\.json is not a placard manifest: line \d+: row: /,
    );
  });

  it('is named per shard, so shards can share one output folder', () => {
    expect(manifestFileName()).toBe('manifest.json');
    expect(manifestFileName({ k: 1, n: 1 })).toBe('manifest.json');
    expect(manifestFileName({ k: 2, n: 8 })).toBe('manifest.shard-2-of-8.json');
    expect(journalFileName({ k: 2, n: 8 })).toBe('manifest.shard-2-of-8.jsonl');
  });
});

describe('loadPrevious', () => {
  it('finds nothing in a new folder, without a warning', () => {
    expect(loadPrevious(tempDir())).toEqual({ warnings: [] });
  });

  it('ignores a malformed manifest with a warning naming it, so resume renders everything', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'manifest.json'), 'not json');
    const previous = loadPrevious(dir);
    expect(previous.manifest).toBeUndefined();
    expect(previous.warnings[0]).toMatch(/manifest\.json is not a placard manifest.*every row is rendered again/);
  });

  it('ignores a folder where the manifest should be', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'manifest.json'));
    expect(loadPrevious(dir).warnings[0]).toMatch(/it is a folder/);
  });

  it("adds the journal's rows (a later line wins) and skips a torn last line", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'manifest.json'),
      serializeManifest({ ...HEADER, entries: [entry(0), entry(1, { sha256: 'a'.repeat(64) })], failed: [] }),
    );
    const lines = [{ entry: entry(1) }, { failed: { row: 4, index: 2 } }, { entry: entry(3) }].map((line) => JSON.stringify(line));
    writeFileSync(join(dir, 'manifest.jsonl'), `${lines.join('\n')}\n{"entry": {"row": 6, "ind`);
    const previous = loadPrevious(dir);
    expect(previous.manifest?.entries).toEqual([entry(0), entry(1), entry(3)]);
    expect(previous.manifest?.failed).toEqual([{ row: 4, index: 2 }]);
    expect(previous.warnings).toEqual([expect.stringMatching(/1 unreadable line\(s\) skipped; those rows are rendered again/)]);
  });

  it('keeps every whole line of a journal torn in the middle of a character, or with a line that is not UTF-8', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'manifest.json'), serializeManifest({ ...HEADER, entries: [], failed: [] }));
    const line = (index: number): Buffer => Buffer.from(`${JSON.stringify({ entry: entry(index, { name: 'Café Ünal' }) })}\n`);
    const torn = line(3).subarray(0, line(3).indexOf(Buffer.from('é')) + 1);
    writeFileSync(join(dir, 'manifest.jsonl'), Buffer.concat([line(0), Buffer.from([0xff, 0xfe, 0x0a]), line(1), line(2), torn]));
    const previous = loadPrevious(dir);
    expect(previous.manifest?.entries.map((row) => row.index)).toEqual([0, 1, 2]);
    expect(previous.warnings).toEqual([
      expect.stringMatching(/2 unreadable line\(s\) skipped; those rows are rendered again \(line 2, 5\)/),
    ]);
  });

  it('ignores a journal with no manifest beside it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'manifest.jsonl'), `${JSON.stringify({ entry: entry(0) })}\n`);
    const previous = loadPrevious(dir);
    expect(previous.manifest).toBeUndefined();
    expect(previous.warnings[0]).toMatch(/manifest\.jsonl has no manifest\.json beside it/);
  });
});
