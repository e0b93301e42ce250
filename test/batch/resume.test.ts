import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest, ManifestHeader } from '../../src/batch/manifest.js';
import { canonicalJson, hashFile, PreviousManifest, recordSha256, sha256Hex, type RowPlan } from '../../src/batch/resume.js';
import { entry, HEADER, tempDir } from './manifest-fixtures.js';

/** A folder holding the PDFs of rows 0..2 and the manifest that recorded them. */
function earlierRun(): { dir: string; manifest: Manifest } {
  const dir = tempDir();
  const entries = [0, 1, 2].map((index) => {
    const pdf = `%PDF notice ${index}`;
    writeFileSync(join(dir, entry(index).file), pdf);
    return entry(index, { sha256: sha256Hex(pdf) });
  });
  return { dir, manifest: { ...HEADER, rows_total: 3, entries, failed: [] } };
}

const plan = (index: number): RowPlan => {
  const { file, template, record_sha256 } = entry(index);
  return { file, template, record_sha256 };
};

describe('PreviousManifest', () => {
  it('skips a row whose file and data are as recorded', async () => {
    const { dir, manifest } = earlierRun();
    const previous = new PreviousManifest(manifest, HEADER);
    expect(previous.changes()).toEqual([]);
    expect(await previous.decide(dir, plan(1))).toEqual({ action: 'skip', entry: manifest.entries[1] });
  });

  it('renders every row when there is no earlier manifest', async () => {
    const { dir } = earlierRun();
    const previous = new PreviousManifest(undefined, HEADER);
    expect(previous.changes()).toEqual(['no manifest from an earlier run: every row is rendered']);
    expect(await previous.decide(dir, plan(0))).toEqual({ action: 'render', reason: 'no manifest from an earlier run' });
  });

  it('renders every row again when the placard version changed, and says so once', async () => {
    const { dir, manifest } = earlierRun();
    const previous = new PreviousManifest(manifest, { ...HEADER, placard_version: '0.2.0' });
    expect(previous.changes()).toEqual(['placard version changed (0.1.0 → 0.2.0): every row is rendered again']);
    expect(await previous.decide(dir, plan(0))).toEqual({ action: 'render', reason: 'placard version changed (0.1.0 → 0.2.0)' });
  });

  it('renders every row again when an option that changes output changed, naming it', async () => {
    const { dir, manifest } = earlierRun();
    const current: ManifestHeader = { ...HEADER, options: { ...HEADER.options, size: 'a4', bleed: 3 } };
    const decision = await new PreviousManifest(manifest, current).decide(dir, plan(0));
    expect(decision).toEqual({ action: 'render', reason: 'options changed (bleed: (none) → 3; size: letter → a4)' });
    const reordered: ManifestHeader = { ...HEADER, options: Object.fromEntries(Object.entries(HEADER.options).reverse()) };
    expect((await new PreviousManifest(manifest, reordered).decide(dir, plan(0))).action).toBe('skip');
  });

  it('renders every row again for another template', async () => {
    const { dir, manifest } = earlierRun();
    const decision = await new PreviousManifest(manifest, { ...HEADER, template: 'staff-card' }).decide(dir, plan(0));
    expect(decision).toEqual({ action: 'render', reason: 'template changed (private-areas → staff-card)' });
  });

  it('against a changed input, renders only the rows whose data changed', async () => {
    const { dir, manifest } = earlierRun();
    const previous = new PreviousManifest(manifest, { ...HEADER, input: { file: 'businesses.csv', sha256: sha256Hex('edited') } });
    expect(previous.changes()).toEqual(['the input changed since the earlier run: only rows whose data changed are rendered again']);
    expect((await previous.decide(dir, plan(0))).action).toBe('skip');
    expect(await previous.decide(dir, { ...plan(1), record_sha256: sha256Hex('edited row') })).toEqual({
      action: 'render',
      reason: 'input changed',
    });
    expect(await previous.decide(dir, plan(7))).toEqual({ action: 'render', reason: 'not in the manifest' });
  });

  it('renders a row whose file is missing, or is no longer a plain file', async () => {
    const { dir, manifest } = earlierRun();
    const previous = new PreviousManifest(manifest, HEADER);
    const missing = new PreviousManifest({ ...manifest, entries: [entry(5)] }, HEADER);
    expect(await missing.decide(dir, plan(5))).toEqual({ action: 'render', reason: 'file missing' });
    const folder = tempDir();
    mkdirSync(join(folder, entry(0).file));
    symlinkSync(join(dir, entry(1).file), join(folder, entry(1).file));
    expect(await previous.decide(folder, plan(0))).toEqual({ action: 'render', reason: 'file missing' });
    expect(await previous.decide(folder, plan(1))).toEqual({ action: 'render', reason: 'file missing' });
  });

  it('renders a row whose file was changed since', async () => {
    const { dir, manifest } = earlierRun();
    writeFileSync(join(dir, entry(2).file), '%PDF edited by hand');
    expect(await new PreviousManifest(manifest, HEADER).decide(dir, plan(2))).toEqual({ action: 'render', reason: 'file changed' });
  });
});

describe('hashes', () => {
  it('hash a file as sha256 of its bytes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.pdf'), 'bytes');
    expect(await hashFile(join(dir, 'a.pdf'))).toBe(sha256Hex('bytes'));
    expect(await hashFile(join(dir, 'none.pdf'))).toBeUndefined();
  });

  it('hash a record regardless of key order and undefined fields', () => {
    expect(recordSha256({ name: 'Ana', city: undefined, private_areas: ['Kitchen', 'Office'] })).toBe(
      recordSha256({ private_areas: ['Kitchen', 'Office'], name: 'Ana' }),
    );
    expect(recordSha256({ name: 'Ana', private_areas: ['Office', 'Kitchen'] })).not.toBe(
      recordSha256({ name: 'Ana', private_areas: ['Kitchen', 'Office'] }),
    );
    expect(canonicalJson({ b: 1, a: { d: [1, undefined], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,null]},"b":1}');
  });
});
