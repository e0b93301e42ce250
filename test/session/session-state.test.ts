import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutCaches } from '../../src/layout/layout-caches.js';
import { layoutRecord } from '../../src/pipeline.js';
import { prepare } from '../../src/session/prepare.js';
import { prepareSession, sessionState } from '../../src/session/prepare-session.js';
import type { LaidPage } from '../../src/layout/items.js';
import { glyphRuns } from '../layout/laid-items.js';

/** The session owns its caches, template and catalogs (issue #21 item 1). */

const SHOP = { name: 'Lake Street Tortillería', contact_name: 'Rosa Delgado', private_areas: 'Kitchen;Office' };
const OPTIONS = { template: 'private-areas', languages: ['en', 'es'] };
const root = mkdtempSync(join(tmpdir(), 'placard-session-state-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const textOf = (pages: readonly LaidPage[]): string => pages.flatMap((page) => glyphRuns(page.nodes).map((run) => run.text)).join(' ');

describe('two sessions in one process', () => {
  it('never share or evict each other’s cached text', () => {
    const one = prepareSession(OPTIONS);
    const two = prepareSession(OPTIONS);
    expect(one.caches).not.toBe(two.caches);
    expect(one.fonts).not.toBe(two.fonts);
    expect(one.translate).not.toBe(two.translate);
    layoutRecord(one, SHOP);
    const after = one.caches.text.paragraphs.sizes();
    expect(after.pinned).toBeGreaterThan(0);
    expect(two.caches.text.paragraphs.sizes()).toEqual({ pinned: 0, recent: 0 });
    for (let i = 0; i < 5; i++) layoutRecord(two, { ...SHOP, name: `Another Shop ${i}` });
    // The second session's work leaves the first's caches as they were.
    expect(one.caches.text.paragraphs.sizes()).toEqual(after);
  });

  it('lay out the same record to the same pages, each from its own caches', () => {
    const one = prepareSession(OPTIONS);
    const two = prepareSession(OPTIONS);
    const a = layoutRecord(one, SHOP).pages;
    const b = layoutRecord(two, SHOP).pages;
    expect(textOf(b)).toBe(textOf(a));
    expect(glyphRuns(b[0]!.nodes)[0]!.glyphs).not.toBe(glyphRuns(a[0]!.nodes)[0]!.glyphs);
  });
});

describe('preparing again', () => {
  it('sees a template edited on disk', () => {
    const dir = join(root, 'templates');
    cpSync(join(import.meta.dirname, '../../templates/private-areas'), join(dir, 'private-areas'), { recursive: true });
    const options = { ...OPTIONS, templateDirs: [dir] };
    expect(textOf(prepare(options).layout(SHOP).pages)).not.toContain('Edited here');
    const file = join(dir, 'private-areas', 'template.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('<p size="key">', '<p>Edited here</p><p size="key">'));
    expect(textOf(prepare(options).layout(SHOP).pages)).toContain('Edited here');
  });

  it('sees a locale edited on disk', () => {
    const dir = join(root, 'locales');
    cpSync(join(import.meta.dirname, '../../locales/es'), join(dir, 'es'), { recursive: true });
    const options = { ...OPTIONS, localeDirs: [dir] };
    expect(textOf(prepare(options).layout(SHOP).pages)).not.toContain('Texto cambiado');
    const file = join(dir, 'es', 'private-areas.json');
    const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    writeFileSync(file, JSON.stringify({ ...strings, title: 'Texto cambiado' }, null, 2));
    expect(textOf(prepare(options).layout(SHOP).pages)).toContain('Texto cambiado');
  });
});

describe('a long batch of distinct names', () => {
  it('keeps the business-data tier within its bound, and the pinned tier to the template’s own text', () => {
    const limit = 16;
    const session = prepareSession(OPTIONS, { ...sessionState(OPTIONS), caches: layoutCaches(limit) });
    const row = (i: number) => ({ ...SHOP, name: `Shop number ${String(i).padStart(3, '0')} of the batch`, contact_name: `Person ${i}` });
    layoutRecord(session, row(0));
    const { text, qr } = session.caches;
    const pinned = text.paragraphs.sizes().pinned;
    for (let i = 1; i < 40; i++) layoutRecord(session, row(i));
    for (const cache of [text.paragraphs, text.items]) expect(cache.sizes().recent).toBeLessThanOrEqual(limit);
    expect(text.shaped.sizes().recent).toBeLessThanOrEqual(limit * 4);
    expect(qr.sizes().recent).toBeLessThanOrEqual(256);
    expect(text.paragraphs.sizes().recent).toBe(limit);
    // Names of one length fit at one grid step: the template's text is laid out once, whatever the number of rows.
    expect(text.paragraphs.sizes().pinned).toBe(pinned);
  });
});

describe('dispose', () => {
  it('drops the caches, may be called twice, and stops the renderer', async () => {
    const renderer = prepare(OPTIONS);
    expect((await renderer.render(SHOP)).ok).toBe(true);
    renderer.dispose();
    renderer.dispose();
    await expect(renderer.render(SHOP)).rejects.toThrow(/disposed/);
    expect(() => renderer.layout(SHOP)).toThrow(/disposed/);
  });
});
