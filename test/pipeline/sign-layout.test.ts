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
    const facts = await readPdf((await render(SIX, 'legal')).pdf);
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

  it('says which arrangement or paper fits when six languages do not fit on Letter', async () => {
    const error = await render(SIX, 'letter').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).problems[0]!.message;
    expect(message).toContain('--arrange pages');
    expect(message).toContain('--size legal fits');
    expect((await render(SIX, 'letter', 'pages')).pageCount).toBe(6);
  });
});
