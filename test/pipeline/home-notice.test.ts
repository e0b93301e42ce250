import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { PAGE_SIZES } from '../../src/contract/page-sizes.js';
import { prepare } from '../../src/session/prepare.js';
import { unionManifest } from '../../src/session/prepare-packet.js';
import { renderNotice } from '../../src/session/render-notice.js';
import { loadTemplate } from '../../src/templates/catalog.js';
import { loadPacket } from '../../src/templates/packet.js';
import { renderToBytes } from '../cli/run-placard.js';
import { readPdf } from '../helpers/pdf-reader.js';

const strings = (lng: string, namespace: string): Record<string, string> => {
  try {
    return JSON.parse(readFileSync(new URL(`../../locales/${lng}/${namespace}.json`, import.meta.url), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
};
/** Text without white space or invisible format characters, which readers join lines and drop differently. */
const squeezed = (text: string): string => text.normalize('NFC').replace(/[\s\p{Cf}]+/gu, '');

/** The "ns:key" strings the home template prints, read from its markup (so a new string is checked too). */
const HOME_MARKUP = readFileSync(new URL('../../templates/home/template.hbs', import.meta.url), 'utf8');
const USED_KEYS = [...new Set([...HOME_MARKUP.matchAll(/\{\{t "([a-z-]+:[a-z_]+)"/g)].map((match) => match[1]!))].map((id) => {
  const [namespace, key] = id.split(':') as [string, string];
  return { namespace, key };
});
const LOCALES = readdirSync(new URL('../../locales/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
/** A locale's accepted forms of a glossary term (locales/<lng>/glossary.yaml), when the locale has a glossary. */
const glossaryForms = (lng: string, id: string): string[] => {
  const file = new URL(`../../locales/${lng}/glossary.yaml`, import.meta.url);
  if (!existsSync(file)) return [];
  const forms = (YAML.parse(readFileSync(file, 'utf8')) as Record<string, string | string[] | undefined>)[id];
  return forms === undefined ? [] : [forms].flat();
};
const usedStrings = (lng: string): string[] => USED_KEYS.map(({ namespace, key }) => strings(lng, namespace)[key]!);

describe('home: a door notice for residents', () => {
  it.each(['letter', 'decal'] as const)(
    'placard render home --lang en,so on %s prints the residents’ statement in both languages with no business field',
    async (size) => {
      const { pdf, run } = await renderToBytes(['render', 'home', '--lang', 'en,so', '--size', size]);
      const facts = await readPdf(pdf);
      expect(facts.pageCount).toBe(1);
      expect(facts.pages[0]!.width).toBeCloseTo(PAGE_SIZES[size].width, 0);
      const text = squeezed(facts.text);
      for (const lng of ['en', 'so']) {
        for (const key of ['title', 'no_consent', 'warrant']) expect(text).toContain(squeezed(strings(lng, 'home')[key]!));
        expect(text).toContain(squeezed(strings(lng, 'common').not_advice!));
      }
      // The version line marks a draft with "*"; a decal leaves it off (it is in the PDF's Keywords).
      if (size === 'decal') expect(facts.text).not.toMatch(/placard \d/);
      else expect(facts.text).toMatch(/home · \d{4}-\d\d-\d\d · en · so\* · placard/);
      expect(facts.title).toBe('Private home');
      expect(run.stderr).not.toMatch(/required/);
    },
  );

  it('prints the household line once, and never a name or address it was given', async () => {
    const rendered = await renderNotice({
      template: 'home',
      languages: ['en', 'es'],
      sets: ['household_line=Apartment 4B', 'name=Hodan Abdi', 'street=2200 Riverside Ave', 'contact_name=Ana Ruiz'],
    });
    const text = (await readPdf(rendered.pdf)).text;
    expect(text.match(/Apartment 4B/g)).toHaveLength(1);
    for (const kept of ['Hodan', 'Riverside', 'Ana Ruiz']) expect(text).not.toContain(kept);
  });

  const LANGUAGE_SETS = [['en'], ['en', 'so'], ['en', 'es', 'so'], ['en', 'es', 'so', 'hmn'], ['en', 'ar', 'zh-Hans', 'vi']];
  const SIZES = ['letter', 'a4', 'half-letter', 'decal'] as const;
  it.each(SIZES.flatMap((size) => LANGUAGE_SETS.map((languages) => ({ size, languages: languages.join(',') }))))(
    'fits $size in $languages on one page, key line included',
    async ({ size, languages }) => {
      const codes = languages.split(',');
      const rendered = await renderNotice({ template: 'home', languages: codes, size, sets: ['household_line=Apartment 4B'] });
      const facts = await readPdf(rendered.pdf);
      expect(facts.pageCount).toBe(1);
      expect(facts.pages[0]!.height).toBeCloseTo(PAGE_SIZES[size].height, 0);
      const text = squeezed(facts.text);
      for (const lng of codes.filter((code) => !['ar'].includes(code))) expect(text).toContain(squeezed(strings(lng, 'home').no_consent!));
    },
  );

  it('says nothing about employees, managers, staff, a business or non-public areas (English, every string it prints)', async () => {
    expect(USED_KEYS.map(({ namespace, key }) => `${namespace}:${key}`).sort()).toEqual(
      ['common:not_advice', 'common:scan_label', 'home:no_consent', 'home:title', 'home:warrant'].sort(),
    );
    const words = /employee|manager|staff|business|non-public|private area|contact/i;
    for (const value of usedStrings('en')) expect(value).not.toMatch(words);
    const rendered = await renderNotice({ template: 'home', languages: ['en'] });
    expect((await readPdf(rendered.pdf)).text).not.toMatch(words);
  });

  it.each(LOCALES.filter((lng) => lng !== 'en'))(
    'in %s, uses none of the words the business notices use for staff or non-public areas',
    (lng) => {
      const forbidden = [
        strings(lng, 'staff-only').title,
        strings(lng, 'private-areas').subtitle,
        strings(lng, 'vocabulary').role_manager,
        strings(lng, 'private-areas').areas_label?.replace(/[\s:：።]+$/u, ''),
        ...glossaryForms(lng, 'non_public_area'),
      ].filter((term): term is string => typeof term === 'string' && term.length > 1);
      expect(forbidden.length).toBeGreaterThan(2);
      for (const value of usedStrings(lng)) {
        expect(value, `${lng} home string`).toBeTruthy();
        for (const term of forbidden)
          expect(value.toLowerCase(), `${lng}: "${value}" contains "${term}"`).not.toContain(term.toLowerCase());
      }
    },
  );

  it('is a home template: no required field, and the manifest says who it is for', () => {
    const { manifest } = loadTemplate('home');
    expect(manifest.audience).toBe('home');
    expect(Object.values(manifest.fields).filter((spec) => spec.required)).toEqual([]);
    expect(manifest.sizes).toEqual(expect.arrayContaining(['letter', 'a4', 'half-letter', 'decal']));
  });
});

describe('home-packet', () => {
  it('gives the home notice and the household’s wallet cards in one PDF, naming no one', async () => {
    const packet = loadPacket('home-packet');
    expect(packet.audience).toBe('home');
    expect(packet.templates.map((entry) => entry.template)).toEqual(['home', 'rights-cards']);
    // Whatever the cards still require is filled with a marker that must not reach the door notice.
    const manifests = packet.templates.map((entry) => loadTemplate(entry.template).manifest);
    const required = Object.entries(unionManifest({ id: packet.id, title: packet.title, file: packet.file }, manifests).fields)
      .filter(([, spec]) => spec.required)
      .map(([field]) => field);
    const record = Object.fromEntries(required.map((field) => [field, 'Marker Not On Door']));
    const result = await prepare({ template: 'home-packet', languages: ['en', 'es'] }).render(record);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const facts = await readPdf(result.pdf);
    expect(facts.outline).toEqual(manifests.map((manifest) => manifest.title));
    const door = squeezed(facts.pages[0]!.text);
    for (const lng of ['en', 'es']) expect(door).toContain(squeezed(strings(lng, 'home').no_consent!));
    expect(door).not.toContain('MarkerNotOnDoor');
    const cards = squeezed(
      facts.pages
        .slice(1)
        .map((page) => page.text)
        .join('\n'),
    );
    for (const lng of ['en', 'es']) expect(cards).toContain(squeezed(strings(lng, 'rights-cards').title!));
  });
});
