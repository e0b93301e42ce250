import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { prepare } from '../../src/session/prepare.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { thrown } from '../helpers/thrown.js';

/** The public session API: prepare(options) → renderer; renderer.render(record) → {pdf, warnings} | {problems}. */

const SHOP = { name: 'Tacos <El Güero> & Hijos', contact_name: 'Rosa Delgado', private_areas: 'Kitchen;Office' };
const EPOCH = 1764547200;

describe('prepare', () => {
  const renderer = prepare({ template: 'private-areas', languages: ['en', 'es'], sourceDateEpoch: EPOCH });

  it('describes the run: id, title, fields, date and the files no output may replace', () => {
    expect(renderer.id).toBe('private-areas');
    expect(renderer.title.length).toBeGreaterThan(0);
    expect(renderer.fields).toHaveProperty('name');
    expect(renderer.date.toISOString()).toBe(new Date(EPOCH * 1000).toISOString());
    expect(renderer.inputs.some((file) => file.endsWith('private-areas/template.hbs'))).toBe(true);
    expect(renderer.inputs.some((file) => file.endsWith('private-areas/template.yaml'))).toBe(true);
  });

  it('renders a record into a PDF carrying the business and the languages asked for', async () => {
    const result = await renderer.render(SHOP);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.languages).toEqual(['en', 'es']);
    const facts = await readPdf(result.pdf);
    expect(facts.pageCount).toBe(result.pageCount);
    expect(facts.text).toContain(SHOP.name);
    expect(facts.lang).toBe('en');
  });

  it('gives the same bytes for the same record, and returns problems as data instead of throwing', async () => {
    const [first, second] = [await renderer.render(SHOP), await renderer.render(SHOP)];
    if (!first.ok || !second.ok) throw new Error('expected two notices');
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
    const bad = await renderer.render({ contact_name: 'Rosa', website: 'javascript:alert(1)' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((problem) => problem.field)).toEqual(expect.arrayContaining(['name']));
  });

  it('lays out without drawing, the same pages make draws, and throws InputError for a bad record there', async () => {
    const laid = renderer.layout(SHOP);
    const made = await renderer.renderWithPages(SHOP);
    expect(laid.pages).toEqual(made.pages);
    expect(made.pageCount).toBe(laid.pages.length);
    thrown(InputError, () => renderer.layout({ contact_name: 'no name' }));
  });

  it('opens a print file for every notice of the run, with one bookmark per business', async () => {
    const writer = renderer.openPrintFile();
    const chunks: Buffer[] = [];
    writer.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => writer.doc.on('end', resolve));
    writer.addPages(renderer.layout(SHOP).pages, 'First shop');
    writer.addPages(renderer.layout({ ...SHOP, name: 'Second shop' }).pages, 'Second shop');
    writer.end();
    await ended;
    const facts = await readPdf(new Uint8Array(Buffer.concat(chunks)));
    expect(facts.title).toBe(`${renderer.title}: every notice`);
    expect(facts.outline).toEqual(['First shop', 'Second shop']);
    expect(facts.text).toContain('Second shop');
  });

  it('checks the run’s options once, when preparing: usage errors and a bad --rights-url throw', () => {
    expect(thrown(UsageError, () => prepare({ template: 'private-areas', size: 'decal' })).message).toContain('--size');
    expect(thrown(UsageError, () => prepare({ template: 'no-such-template' })).message).toContain('no-such-template');
    thrown(InputError, () => prepare({ template: 'private-areas', rightsUrl: 'javascript:alert(1)' }));
  });
});
