import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderNotice } from '../../src/pipeline.js';
import { locales } from '../../src/strings/locale-catalog.js';
import { readPdf, type PdfFacts } from '../helpers/pdf-reader.js';
import { hasTool, pdffonts, pdftotext } from '../helpers/system-tools.js';

/** Scripts where pdf.js may split words (see below); poppler reads them exactly. */
const LOOSE_SPACING = ['bn', 'my'];

const names = JSON.parse(readFileSync(new URL('../fixtures/script-names.json', import.meta.url), 'utf8')) as Record<string, string>;

/** Every locale on its own: the notice in that language, with a business name in its script. */
describe.each([...locales().keys()].sort())('the door notice in %s', (code) => {
  const locale = locales().get(code)!;
  const title = (locale.namespaces['private-areas'] as Record<string, string>).title!;
  const name = names[code]!;
  let pdf: Uint8Array;
  let facts: PdfFacts;

  beforeAll(async () => {
    const rendered = await renderNotice({ template: 'private-areas', languages: [code], sets: [`name=${name}`, `contact_name=${name}`] });
    pdf = rendered.pdf;
    facts = await readPdf(pdf);
  });

  it('embeds every font', () => {
    expect(facts.fonts.length).toBeGreaterThan(0);
    expect(facts.fonts.every((font) => font.embedded)).toBe(true);
  });

  it('tags the document with the language', () => {
    expect(facts.lang).toBe(code);
  });

  it('reads back the title and the name, in logical order, with pdf.js', () => {
    // pdf.js takes any glyph whose text holds a non-spacing mark for a zero-width diacritic, so in
    // Bengali and Burmese it can add a space or line break inside a word; the letters and their order
    // still come back exactly.
    const squeeze = (text: string) => (LOOSE_SPACING.includes(code) ? text.replace(/\s+/g, '') : text);
    const text = squeeze(facts.text.normalize('NFC'));
    expect(text).toContain(squeeze(title));
    expect(text).toContain(squeeze(name));
  });

  it.skipIf(!hasTool('pdftotext'))('reads back the title and the name, in logical order, with poppler', () => {
    const text = pdftotext(pdf)
      .normalize('NFC')
      .replace(/[\u202a-\u202e]/g, '');
    expect(text).toContain(title);
    expect(text).toContain(name);
    expect(pdffonts(pdf).every((font) => font.emb)).toBe(true);
  });
});
