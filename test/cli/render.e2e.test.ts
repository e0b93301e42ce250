import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeQr, readPdf, type PdfFacts } from '../helpers/pdf-reader.js';
import { hasTool, pdffonts, pdftotext, zbarimg } from '../helpers/system-tools.js';
import { placardIn as placard, renderToBytes, tempDir } from './run-placard.js';

const NAME = 'Tacos <El Güero> & Hijos';
const DONE_ARGS = ['render', 'private-areas', '--set', `name=${NAME}`, '--set', 'contact_name=Ana', '--lang', 'en,es'];
const ILRC = 'https://www.ilrc.org/red-cards';

describe('placard render private-areas (the walking skeleton)', () => {
  let pdf: Uint8Array;
  let facts: PdfFacts;
  let stderr: string;

  beforeAll(async () => {
    const rendered = await renderToBytes(DONE_ARGS);
    pdf = rendered.pdf;
    stderr = rendered.run.stderr;
    facts = await readPdf(pdf, { fonts: true });
  });

  it('makes one Letter page', () => {
    expect(facts.pageCount).toBe(1);
    expect(facts.pages[0]).toMatchObject({ width: 612, height: 792 });
  });

  it('prints the business name exactly, and both languages', () => {
    expect(facts.text).toContain(NAME);
    expect(facts.text).toContain('Private area');
    expect(facts.text).toContain('Área privada');
    expect(facts.text.replace(/\s+/g, ' ')).toContain('judicial warrant signed by a judge'); // however the sentence wraps
    expect(facts.text).toContain('Please ask for Ana.');
    expect(facts.text).toContain('Por favor, pregunte por Ana.');
    expect(facts.text).toContain('This is general information, not legal advice.');
  });

  it('prints the rights link under the QR code and a version line', () => {
    expect(facts.text).toContain(ILRC);
    expect(facts.text).toMatch(/private-areas · \d{4}-\d{2}-\d{2} · en · es\* · placard/);
  });

  it('embeds every font', () => {
    expect(facts.fonts.length).toBeGreaterThan(0);
    expect(facts.fonts.every((font) => font.embedded)).toBe(true);
  });

  it('has a QR code that decodes from rendered pixels to the rights link', async () => {
    expect(await decodeQr(pdf, { dpi: 150 })).toBe(ILRC);
  });

  it('is tagged with the document language and title', () => {
    expect(facts.lang).toBe('en');
    expect(facts.title).toContain(NAME);
    const text = Buffer.from(pdf).toString('latin1');
    expect(text).toMatch(/\/StructTreeRoot/);
    expect(text).toMatch(/\/Lang \(es\)/);
  });

  it('warns once on stderr that the Spanish translation is a draft', () => {
    expect(stderr.match(/warning: .*es.*draft/g)).toHaveLength(1);
  });

  it('gives identical bytes for the same input', async () => {
    expect(Buffer.from((await renderToBytes(DONE_ARGS)).pdf).equals(Buffer.from(pdf))).toBe(true);
  });

  it('takes its dates from SOURCE_DATE_EPOCH, still deterministically', async () => {
    const first = (await renderToBytes(DONE_ARGS, { SOURCE_DATE_EPOCH: '1700000000' })).pdf;
    const second = (await renderToBytes(DONE_ARGS, { SOURCE_DATE_EPOCH: '1700000000' })).pdf;
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first).equals(Buffer.from(pdf))).toBe(false);
    expect(Buffer.from(first).toString('latin1')).toContain('2023-11-14T22:13:20Z');
  });

  it.skipIf(!hasTool('pdftotext'))('reads back the same with poppler', () => {
    expect(pdftotext(pdf)).toContain(NAME);
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.emb)).toBe(true);
  });

  it.skipIf(!hasTool('zbarimg') || !hasTool('pdftoppm'))('has a QR code zbarimg decodes at 150 dpi', () => {
    expect(zbarimg(pdf, 150)).toBe(ILRC);
  });
});

describe('placard render options', () => {
  it('renders A4 when asked', async () => {
    const { pdf } = await renderToBytes([...DONE_ARGS, '--size', 'a4']);
    const facts = await readPdf(pdf);
    expect(facts.pages[0]!.width).toBeCloseTo(595.28, 1);
    expect(facts.pages[0]!.height).toBeCloseTo(841.89, 1);
    expect(facts.text).toContain(NAME);
  });

  it('arranges languages in columns', async () => {
    const { pdf } = await renderToBytes([...DONE_ARGS, '--arrange', 'columns']);
    const facts = await readPdf(pdf);
    // Narrow columns wrap the subtitles, and the columns' lines interleave in reading order.
    const words = facts.text.split(/\s+/);
    expect(words).toEqual(expect.arrayContaining(['Employees', 'only', 'Solo', 'empleados', 'judge.', 'juez.']));
    expect(await decodeQr(pdf)).toBe(ILRC);
  });

  it('writes the PDF to stdout with -o -', async () => {
    const run = await placard([...DONE_ARGS, '-o', '-']);
    expect(run.code).toBe(0);
    expect(run.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('uses --rights-url for the QR code', async () => {
    const url = 'https://example.org/rights?lang=es';
    const { pdf } = await renderToBytes([...DONE_ARGS, '--rights-url', url]);
    expect(await decodeQr(pdf)).toBe(url);
  });

  it('renders the checked-in example', async () => {
    const { pdf } = await renderToBytes(['render', 'private-areas', '--data', 'examples/business.yaml']);
    const facts = await readPdf(pdf);
    expect(facts.text).toContain('Lake Street Tortillería');
    expect(facts.text).toContain('Storage room');
  });
});

describe('business data is printed, never interpreted', () => {
  const hostile = [`Joe's "Best" Pizza <&> Subs`, 'Tienda {{name}} Express', 'Café {{{raw}}} & <b>bold</b>', 'Taquería 🌮 Ñandú'];
  for (const name of hostile) {
    it(`prints ${JSON.stringify(name)} as typed`, async () => {
      const { pdf } = await renderToBytes(['render', 'private-areas', '--set', `name=${name}`, '--set', `contact_name=${name}`]);
      const facts = await readPdf(pdf, { fonts: true });
      expect(facts.text).toContain(name);
      expect(facts.fonts.every((font) => font.embedded)).toBe(true);
    });
  }

  it('keeps the letters of a name wrapped in bidi isolates', async () => {
    const { pdf } = await renderToBytes(['render', 'private-areas', '--set', 'name=\u2068Acme 24\u2069 Bakery\u200f']);
    const facts = await readPdf(pdf);
    expect(facts.text.replace(/[\u200e\u200f\u2066-\u2069\u202a-\u202e]/g, '')).toContain('Acme 24 Bakery');
  });
});

describe('exit codes', () => {
  it('exits 2 for an unknown template, listing the known ones', async () => {
    const run = await placard(['render', 'no-such-notice', '--set', 'name=A']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown template or packet "no-such-notice"');
    expect(run.stderr).toContain('private-areas');
  });

  it('exits 2 for an unknown language, listing the known ones', async () => {
    const run = await placard(['render', 'private-areas', '--set', 'name=A', '--lang', 'en,xx-Nowhere']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('xx-Nowhere');
    expect(run.stderr).toMatch(/known languages: .*en.*es/);
  });

  it('exits 1 when name is missing, naming the field', async () => {
    const run = await placard(['render', 'private-areas', '--set', 'contact_name=Ana', '-o', join(tempDir(), 'x.pdf')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('field "name"');
  });

  it('exits 1 for a rights link that is not http(s), saying why', async () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/x', 'not a url']) {
      const run = await placard(['render', 'private-areas', '--set', 'name=A', '--rights-url', url]);
      expect(run.code, url).toBe(1);
      expect(run.stderr).toContain('rights_url');
      expect(run.stderr).toMatch(/https/);
    }
  });

  it('exits 2 for a data file that cannot be read', async () => {
    const run = await placard(['render', 'private-areas', '--data', 'no/such/file.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no/such/file.yaml');
  });

  it('exits 2 for malformed YAML, with line and column', async () => {
    const file = join(tempDir(), 'bad.yaml');
    writeFileSync(file, 'name: Ana\ncity: [Minneapolis\n');
    const run = await placard(['render', 'private-areas', '--data', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/line \d+, column \d+/);
  });

  it('exits 2 for malformed JSON, with line and column', async () => {
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, '{\n  "name": "Ana",\n  "city": }\n');
    const run = await placard(['render', 'private-areas', '--data', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 3, column \d+/);
  });

  it('exits 1 for a character no font has, naming it, the field and the language', async () => {
    const run = await placard(['render', 'private-areas', '--set', 'name=Shop \ue000', '--lang', 'es']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('U+E000');
    expect(run.stderr).toContain('field "name"');
    expect(run.stderr).toContain('language es');
  });

  it('exits 2 for an unknown flag', async () => {
    expect((await placard(['render', 'private-areas', '--colour', 'red'])).code).toBe(2);
  });

  it('leaves no file behind when the input is bad', async () => {
    const dir = tempDir();
    const out = join(dir, 'x.pdf');
    const run = await placard(['render', 'private-areas', '--set', 'contact_name=Ana', '-o', out]);
    expect(run.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('-o never replaces what it must not', () => {
  it('writes to /dev/null without replacing it', async () => {
    const before = statSync('/dev/null');
    expect((await placard(['render', 'private-areas', '--set', 'name=A', '-o', '/dev/null'])).code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(statSync('/dev/null').ino).toBe(before.ino);
  });

  it('refuses to write over the data file, keeping it (exit 2)', async () => {
    const dir = tempDir();
    const data = join(dir, 'shop.yaml');
    writeFileSync(data, 'name: Joe\n');
    const run = await placard(['render', 'private-areas', '--data', data, '-o', data]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`it is the input file ${data}`);
    expect(readFileSync(data, 'utf8')).toBe('name: Joe\n');
  });

  it('writes through a symlink and keeps the link', async () => {
    const dir = tempDir();
    symlinkSync('real.pdf', join(dir, 'link.pdf'));
    expect((await placard(['render', 'private-areas', '--set', 'name=A', '-o', 'link.pdf'], { cwd: dir })).code).toBe(0);
    expect(lstatSync(join(dir, 'link.pdf')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a read-only file and a missing folder (exit 2), naming them', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'kept.pdf'), 'keep');
    chmodSync(join(dir, 'kept.pdf'), 0o444);
    const readOnly = await placard(['render', 'private-areas', '--set', 'name=A', '-o', 'kept.pdf'], { cwd: dir });
    expect([readOnly.code, readFileSync(join(dir, 'kept.pdf'), 'utf8')]).toEqual([2, 'keep']);
    const missing = await placard(['render', 'private-areas', '--set', 'name=A', '-o', 'no/such/folder/x.pdf'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the folder');
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});
