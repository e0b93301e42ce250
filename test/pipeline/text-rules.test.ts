import { beforeAll, describe, expect, it } from 'vitest';

import { renderNotice } from '../../src/session/render-notice.js';
import { locales } from '../../src/strings/locale-catalog.js';
import { readPdf, type PdfFacts } from '../helpers/pdf-reader.js';
import { hasTool, pdftotext, structText } from '../helpers/system-tools.js';

/** The notice's strings in one language, flattened. */
function strings(code: string): string[] {
  const namespaces = locales().get(code)!.namespaces as Record<string, Record<string, string>>;
  return Object.values(namespaces).flatMap((namespace) => Object.values(namespace));
}

const render = async (languages: string[], sets: string[], fonts = false): Promise<{ pdf: Uint8Array; facts: PdfFacts }> => {
  const { pdf } = await renderNotice({ template: 'private-areas', languages, arrange: 'columns', sets });
  return { pdf, facts: await readPdf(pdf, { fonts }) };
};

describe('line breaks read back from the PDF', () => {
  let korean: PdfFacts;
  let burmese: PdfFacts;

  beforeAll(async () => {
    korean = (await render(['en', 'ko'], ['name=Golden Bakery'])).facts;
    burmese = (await render(['en', 'my'], ['name=Golden Bakery', 'private_areas=kitchen;storage room'])).facts;
  });

  it('ends Korean lines at spaces: every line holds whole words', () => {
    const words = new Set(strings('ko').flatMap((text) => text.split(/\s+/)));
    const lines = korean.pages[0]!.lines.filter((line) => /\p{Script=Hangul}/u.test(line));
    expect(lines.length).toBeGreaterThan(6);
    for (const line of lines) {
      for (const word of line.split(' ')) expect(words.has(word) || !/\p{Script=Hangul}/u.test(word)).toBe(true);
    }
  });

  it('starts no Burmese line with a mark or inside a syllable', () => {
    const lines = burmese.pages[0]!.lines.filter((line) => /\p{Script=Myanmar}/u.test(line));
    expect(lines.length).toBeGreaterThan(8);
    for (const line of lines) {
      expect(line).not.toMatch(/^\p{M}/u);
      expect(line).not.toMatch(/^.[\u103a\u1039]/u);
    }
  });

  it('prints the rights link on one line', () => {
    expect(korean.pages[0]!.lines).toContain('https://www.ilrc.org/red-cards');
  });
});

describe('Chinese joins', () => {
  let pdf: Uint8Array;
  let facts: PdfFacts;

  beforeAll(async () => {
    ({ pdf, facts } = await render(['zh-Hans'], ['name=Golden Bakery', 'private_areas=厨房;仓库']));
  });

  it('puts no Latin space after full-width punctuation (pdf.js)', () => {
    const text = facts.text.replaceAll('\n', '');
    expect(text).toContain('非公共区域：厨房、仓库');
    expect(text).not.toMatch(/[。：，、] /);
    expect(text).not.toMatch(/[：。，] /u);
  });

  it.skipIf(!hasTool('pdftotext'))('puts no Latin space after full-width punctuation (poppler)', () => {
    const text = pdftotext(pdf).replaceAll('\n', '');
    expect(text).toContain('非公共区域：厨房、仓库');
    expect(text).not.toMatch(/[：。，] /u);
  });
});

describe.skipIf(!hasTool('pdfinfo'))('the tag tree', () => {
  it('keeps the space at each line break, so sentences read whole', async () => {
    const { pdf, facts } = await render(['en', 'my', 'ko'], ['name=Golden Bakery']);
    const warrant = strings('en').find((text) => text.startsWith('Entry to'))!;
    // The sentence is broken over several lines on the page…
    expect(facts.pages[0]!.lines).not.toContain(warrant);
    // …and the tag tree reads it with its spaces, in every language (poppler reads right-to-left text visually, so none here).
    const tree = structText(pdf);
    expect(tree).toContain(warrant);
    for (const code of ['my', 'ko']) {
      const sentence = (locales().get(code)!.namespaces['private-areas'] as Record<string, string>).warrant!;
      expect(tree).toContain(sentence);
    }
  });

  it('reads a word broken with a hyphen back whole', async () => {
    const { pdf, facts } = await render(['en'], ['name=Kaffeehausgenossenschaftsverwaltungsgesellschaft Süd']);
    // Broken on the page (the hyphen reads as nothing)…
    const lines = facts.pages[0]!.lines;
    expect(lines.some((line) => line.startsWith('Kaffeehausgenossenschaf'))).toBe(true);
    expect(lines.some((line) => line.includes('Kaffeehausgenossenschaftsverwaltungsgesellschaft'))).toBe(false);
    expect(lines.some((line) => /^Kaffee.*-$/u.test(line))).toBe(false);
    // …whole in the tag tree.
    expect(structText(pdf)).toContain('Kaffeehausgenossenschaftsverwaltungsgesellschaft Süd');
  });
});

describe('fonts for the business name outside the language sections', () => {
  const families = (facts: PdfFacts): string[] => facts.fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));

  it('draws a Chinese name in TC on an English and Traditional Chinese notice', async () => {
    const { facts } = await render(['en', 'zh-Hant'], ['name=金龍餐廳'], true);
    expect(families(facts).some((name) => name.startsWith('NotoSansTC'))).toBe(true);
    expect(families(facts).some((name) => name.startsWith('NotoSansSC'))).toBe(false);
  });

  it('draws an Urdu name in Nastaliq on an English and Urdu notice', async () => {
    const { facts } = await render(['en', 'ur'], ['name=لاہور کباب ہاؤس'], true);
    expect(families(facts).some((name) => name.startsWith('NotoNastaliqUrdu'))).toBe(true);
    expect(families(facts).some((name) => name.startsWith('NotoSansArabic'))).toBe(false);
  });
});
