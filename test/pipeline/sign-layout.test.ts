import { describe, expect, it } from 'vitest';

import { InputError } from '../../src/errors.js';
import { renderNotice } from '../../src/session/render-notice.js';
import { readPdf } from '../helpers/pdf-reader.js';

const NAME = 'Cabdi Maxamed Halal Market & Somali Restaurant';
const render = (languages: string[], size: 'letter' | 'legal' | 'tabloid', arrange?: 'pages' | 'stacked' | 'columns') =>
  renderNotice({
    template: 'private-areas',
    languages,
    size,
    arrange,
    sets: [`name=${NAME}`, 'contact_name=Cabdi', 'street=1510 E Lake St'],
  });
const SIX = ['en', 'es', 'zh-Hans', 'ar', 'ko', 'my'];

describe('the private-areas notice, as a sign', () => {
  it('prints the version line on one line, even with six languages, and the name only once', async () => {
    const facts = await readPdf((await render(SIX, 'tabloid')).pdf);
    const meta = facts.pages[0]!.lines.filter((line) => line.includes('private-areas ·'));
    expect(meta).toHaveLength(1);
    for (const code of SIX) expect(meta[0]).toContain(code);
    expect(meta[0]).toMatch(/placard \d/);
    expect(facts.text.replace(/\s+/g, ' ').split(NAME).length - 1).toBe(1);
  });

  it('labels the QR code in each of the notice languages', async () => {
    const facts = await readPdf((await render(['en', 'es', 'zh-Hans'], 'letter')).pdf);
    expect(facts.text).toContain('Scan to know your rights');
    expect(facts.text).toContain('Escanee para conocer sus derechos');
    expect(facts.text).toContain('扫码了解您的权利');
  });

  it('puts one language on each page with --arrange pages, each page a whole sign', async () => {
    const rendered = await render(['en', 'es', 'ar'], 'letter', 'pages');
    expect(rendered.pageCount).toBe(3);
    const facts = await readPdf(rendered.pdf);
    const titles = ['Private area', 'Área privada', 'منطقة خاصة'];
    facts.pages.forEach((page, i) => {
      expect(page.text.normalize('NFC')).toContain(titles[i]!.normalize('NFC'));
      for (const other of titles.filter((_, j) => j !== i)) expect(page.text.normalize('NFC')).not.toContain(other.normalize('NFC'));
      expect(page.text.replace(/\s+/g, ' ')).toContain(NAME);
      expect(page.text).toContain('https://www.ilrc.org/red-cards');
    });
  });

  it('fits four languages on Letter', async () => {
    expect((await render(['en', 'es', 'ar', 'zh-Hans'], 'letter')).pageCount).toBe(1);
  });

  it('says which arrangement or paper fits when six languages do not fit on Letter in the arrangement asked for', async () => {
    const error = await render(SIX, 'letter', 'columns').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).problems[0]!.message;
    expect(message).toContain('--arrange pages');
    expect(message).toContain('--size tabloid fits');
    expect((await render(SIX, 'letter', 'pages')).pageCount).toBe(6);
  });

  it('gives each language its own page, and says so, when the arrangement was left open and six do not fit on Letter', async () => {
    const rendered = await render(SIX, 'letter');
    expect(rendered.pageCount).toBe(6);
    expect(rendered.warnings.map((warning) => warning.message)).toContainEqual(
      '6 languages do not fit one letter page, so each language has its own page (--arrange pages); --size tabloid keeps them on one page',
    );
  });
});
