import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderNotice } from '../../src/session/render-notice.js';
import { locales } from '../../src/strings/locale-catalog.js';
import { readPdf, type PdfFacts } from '../helpers/pdf-reader.js';
import { hasTool, pdffonts, pdftotext } from '../helpers/system-tools.js';

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
    facts = await readPdf(pdf, { fonts: true });
  });

  it('embeds every font', () => {
    expect(facts.fonts.length).toBeGreaterThan(0);
    expect(facts.fonts.every((font) => font.embedded)).toBe(true);
  });

  it('tags the document with the language', () => {
    expect(facts.lang).toBe(code);
  });

  it('reads back the title and the name, in logical order, with pdf.js', () => {
    // A door sign's title keeps its least cap height and may take two balanced lines: compare with lines joined.
    const text = facts.text.normalize('NFC').replaceAll(/\s+/gu, ' ');
    expect(text).toContain(title);
    expect(text).toContain(name);
  });

  it.skipIf(!hasTool('pdftotext'))('reads back the title and the name, in logical order, with poppler', () => {
    const text = pdftotext(pdf)
      .normalize('NFC')
      .replace(/[\u202a-\u202e]/g, '')
      .replaceAll(/\s+/gu, ' ');
    expect(text).toContain(title);
    expect(text).toContain(name);
    expect(pdffonts(pdf).every((font) => font.emb)).toBe(true);
  });
});
