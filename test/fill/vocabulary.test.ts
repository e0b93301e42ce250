import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { prepare } from '../../src/session/prepare.js';
import { readRecord, renderNotice } from '../../src/session/render-notice.js';
import type { Renderer } from '../../src/session/renderer.js';
import { locales } from '../../src/strings/locale-catalog.js';
import { VOCABULARY } from '../../src/strings/vocabulary.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { hasTool, pdftotext } from '../helpers/system-tools.js';

const english = locales().get('en')!.namespaces.vocabulary as Record<string, string>;
const AREAS = VOCABULARY.private_areas!.map((key) => english[key]!);
/** Without spaces or bidi marks, so that line breaks and CJK spacing do not matter. */
const squeezed = (text: string): string => text.normalize('NFC').replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

/** A contact name in each language's own script: a line that mixes scripts may read back in visual order. */
const names = JSON.parse(readFileSync(new URL('../fixtures/script-names.json', import.meta.url), 'utf8')) as Record<string, string>;

/** The text of a private-areas notice in `languages`; rendered by `session` (prepared for those languages) when given. */
async function pdfText(languages: string[], sets: string[], reader: 'pdf.js' | 'poppler' = 'pdf.js', session?: Renderer): Promise<string> {
  const name = names[languages.at(-1)!] ?? 'Rosa';
  const request = { template: 'private-areas', languages, sets: ['name=Lake Street Tortillería', `contact_name=${name}`, ...sets] };
  const rendered = session ? await session.render(readRecord(request)) : { ok: true as const, ...(await renderNotice(request)) };
  if (!rendered.ok) throw new InputError(rendered.problems);
  return reader === 'poppler' ? pdftotext(rendered.pdf) : (await readPdf(rendered.pdf)).text;
}

describe('the vocabulary on the notice', () => {
  it('prints "Cocina" for "Kitchen" in a Spanish section, and the English as given', async () => {
    const text = await pdfText(['en', 'es'], ['private_areas=Kitchen;walk-in FREEZER', 'contact_role=owner']);
    expect(text).toContain('Cocina');
    expect(text).toContain('Kitchen');
    expect(text).toContain('(propietario/a)');
    expect(text).toContain('(owner)');
    expect(text.match(/walk-in FREEZER/g)).toHaveLength(2);
  });

  it('lets a per-language value override the vocabulary and free text', async () => {
    const text = await pdfText(
      ['en', 'es'],
      ['private_areas=Kitchen', 'private_areas.es=Cocina y cámara fría', 'contact_role=Owner', 'contact_role.es-MX=Dueña'],
    );
    expect(text).toContain('Cocina y cámara fría');
    expect(text).toContain('(Dueña)');
    expect(text).toContain('(Owner)');
  });

  it('refuses a per-language value for a language placard does not know', async () => {
    await expect(pdfText(['en'], ['contact_role.xx=Chef'])).rejects.toThrow(InputError);
  });

  describe.each([...locales().keys()].filter((code) => code !== 'en').sort())('in %s', (code) => {
    // pdf.js groups Nastaliq's sloped lines out of order; poppler reads them back as written.
    const reader = code === 'ur' ? 'poppler' : 'pdf.js';
    it.skipIf(reader === 'poppler' && !hasTool('pdftotext'))('prints every area and role translated', async () => {
      const own = locales().get(code)!.namespaces.vocabulary as Record<string, string>;
      // One notice per role, from one prepared session, as a batch makes its rows: a session per notice cost
      // ~0.1 s of CPU each for nothing the check looks at.
      const session = prepare({ template: 'private-areas', languages: [code] });
      try {
        for (const role of VOCABULARY.contact_role!) {
          const text = squeezed(
            await pdfText(
              [code],
              [`private_areas=${AREAS.map((area) => area.toUpperCase()).join(';')}`, `contact_role=${english[role]!.toLowerCase()}`],
              reader,
              session,
            ),
          );
          expect(text).toContain(squeezed(own[role]!));
          for (const area of VOCABULARY.private_areas!) expect(text).toContain(squeezed(own[area]!));
        }
      } finally {
        session.dispose();
      }
    });
  });
});
