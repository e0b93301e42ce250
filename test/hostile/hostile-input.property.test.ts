/**
 * Property tests: hostile business records and hostile templates, generated
 * from a fixed seed, always end in exit 0, 1 or 2 (never 3) within a bound,
 * and every PDF written passes qpdf --check and pdftotext where installed.
 * The failures found by hand (issue 6) are among the examples.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { hasTool } from '../helpers/system-tools.js';
import { checkPdf } from './pdf-check.js';

const SEED = 20261126;
const BOUND_MS = 15_000;
const root = mkdtempSync(join(tmpdir(), 'placard-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;

/** Runs the CLI core in this process and checks the contract on the result. */
async function run(argv: readonly string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIO = { stdout: { write: () => true }, stderr: { write: (chunk) => (stderr += chunk) }, env: {} };
  const started = Date.now();
  const code = await main(argv, io);
  const took = Date.now() - started;
  expect(code, `placard ${argv.join(' ')}\n${stderr}`).toBeOneOf([0, 1, 2]);
  expect(took, `placard ${argv.join(' ')} took ${took} ms`).toBeLessThan(BOUND_MS);
  if (code !== 0) expect(stderr).toMatch(/error: /);
  return { code, stderr };
}

function fresh(name: string): string {
  const dir = join(root, String(counter++));
  mkdirSync(dir);
  return join(dir, name);
}

async function renderRecord(text: string | Uint8Array, extension: string, extra: readonly string[] = []): Promise<number> {
  const data = fresh(`business.${extension}`);
  writeFileSync(data, text);
  const out = join(data, '..', 'out.pdf');
  const { code } = await run(['render', 'private-areas', '--data', data, '-o', out, ...extra]);
  if (code === 0) checkPdf(readFileSync(out));
  else expect(existsSync(out)).toBe(false);
  return code;
}

const FIELDS = ['name', 'id', 'street', 'city', 'region', 'postal_code', 'phone', 'email', 'contact_name', 'contact_role'];
const NASTY = [
  '<&>"\'',
  '{{name}}',
  '{{{raw}}}',
  ']]><![CDATA[',
  '\u202e\u2066\u200f',
  '\u0000',
  '\u001b[2J',
  '\ud800',
  '\uffff',
  '\ufffd',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  '👨‍👩‍👧🇸🇴',
  'ရွှေ',
  'مخبز',
  '金龍',
  'javascript:alert(1)',
  'https://example.org/\tx',
  ' '.repeat(3),
  '\u200b',
];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...NASTY),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 6 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 200 }).map((s) => s.repeat(3)),
);
const value = fc.oneof(
  { weight: 6, arbitrary: text },
  fc.double(),
  fc.bigInt().map((n) => n),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 12 }),
  fc.dictionary(fc.string({ maxLength: 5 }), text, { maxKeys: 3 }),
);
const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...FIELDS, 'private_areas', 'languages', 'rights_url') },
  fc.constantFrom('__proto__', 'constructor', 'Name', 'NAME ', 'ward', 'toString'),
  fc.string({ maxLength: 12 }),
);
const languages = fc.array(fc.constantFrom('en', 'es', 'ar', 'zh-Hant', 'my', 'ur', 'ko', 'am', 'xx', 'EN', 'zh_hans', ''), {
  maxLength: 5,
});
const record = fc.record({
  name: text,
  more: fc.dictionary(key, value, { maxKeys: 8 }),
  languages,
});

function toJson(entries: Record<string, unknown>): string {
  return JSON.stringify(entries, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

describe('hostile business records', () => {
  it('never crash, hang or leave a partial file, as YAML or JSON', async () => {
    await fc.assert(
      fc.asyncProperty(record, fc.boolean(), async ({ name, more, languages }, asJson) => {
        const entries: Record<string, unknown> = { ...more, name, languages: languages.join(',') };
        const textOut = asJson ? toJson(entries) : YAML.stringify(entries, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
        await renderRecord(textOut, asJson ? 'json' : 'yaml');
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('random bytes as a data file are exit 1 or 2', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('yaml', 'json'), async (bytes, extension) => {
        await renderRecord(bytes, extension);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it.each([
    [
      'an alias bomb',
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nname: *c\n',
      'yaml',
      2,
    ],
    ['deep JSON', `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'json', 2],
    ['Latin-1 bytes', Buffer.from('name: Caf\xe9\n', 'latin1'), 'yaml', 2],
    ['a 20-digit phone number, kept digit for digit', '{"name":"Joe","phone":12345678901234567890}', 'json', 0],
    ['1e400, refused rather than changed', '{"name":"Joe","id":1e400}', 'json', 1],
    ['a lone surrogate', '{"name":"Caf\\ud800"}', 'json', 1],
    ['U+FFFF', '{"name":"Caf\\uffff"}', 'json', 1],
    ['a flood of marks', `name: "Cafe${'\u0301'.repeat(500)}"\n`, 'yaml', 1],
    ['an escape sequence', 'name: "Joe\\e]0;pwned\\a"\n', 'yaml', 1],
  ] as const)('%s', async (_label, content, extension, expected) => {
    expect(await renderRecord(content, extension)).toBe(expected);
  });

  it('--data /dev/zero stops at the size limit', async () => {
    expect((await run(['render', 'private-areas', '--data', '/dev/zero', '-o', fresh('out.pdf')])).code).toBe(2);
  });

  it.each([
    ['a tab', 'https://example.org/a\tb'],
    ['a new line', 'https://example.org/a\nb'],
    ['a leading space', ' https://example.org/'],
    ['a javascript: link', 'javascript:alert(1)'],
  ])('--rights-url with %s is refused: the link checked is the link printed', async (_label, url) => {
    expect((await run(['render', 'private-areas', '--set', 'name=Joe', '--rights-url', url, '-o', fresh('out.pdf')])).code).toBe(1);
  });
});

/** A template folder with the given template.hbs, beside the built-in manifest. */
function templateDir(source: string): string {
  const rootDir = join(fresh('templates'), '..', 'templates');
  mkdirSync(rootDir, { recursive: true });
  const dir = join(rootDir, 'hostile');
  cpSync('templates/private-areas', dir, { recursive: true });
  writeFileSync(join(dir, 'template.yaml'), readFileSync(join(dir, 'template.yaml'), 'utf8').replace('id: private-areas', 'id: hostile'));
  writeFileSync(join(dir, 'template.hbs'), source);
  return rootDir;
}

async function renderTemplate(source: string): Promise<number> {
  const dir = templateDir(source);
  const out = join(dir, 'out.pdf');
  const { code } = await run(['render', 'hostile', '--templates', dir, '--set', 'name=Joe', '--lang', 'en,es,ar', '-o', out]);
  if (code === 0) checkPdf(readFileSync(out));
  return code;
}

const attribute = fc.oneof(
  fc.constantFrom('size', 'grow', 'weight', 'align', 'tone', 'href', 'caption', 'lang', 'dir', 'title', 'name'),
  fc.string({ maxLength: 6 }),
);
const attrValue = fc.oneof(
  fc.constantFrom('1e308', 'NaN', '-1', '0', '30', '99999999', 'Infinity', 'https://x.org/', 'javascript:x', 'rtl', 'center', 'en'),
  fc.string({ maxLength: 12 }),
);
const element: fc.Memo<string> = fc.memo((depth) => {
  const leaf = fc.oneof(
    fc.constantFrom(
      'Private area.',
      '{{business.name}}',
      '{{t "private-areas:title"}}',
      '{{list business.private_areas "private_areas"}}',
      '<rule/>',
    ),
    fc
      .tuple(fc.constantFrom('qr', 'spacer', 'rule'), fc.array(fc.tuple(attribute, attrValue), { maxLength: 3 }))
      .map(([name, attrs]) => `<${name} ${attrs.map(([a, v]) => `${a}="${v.replace(/[<&"]/g, '')}"`).join(' ')}/>`),
  );
  if (depth <= 1) return leaf;
  return fc.oneof(
    leaf,
    fc
      .tuple(
        fc.constantFrom('p', 'h1', 'h2', 'box', 'section lang="ar" dir="rtl"', 'columns', 'column weight="2"', 'list', 'item', 'b', 'page'),
        fc.array(element(depth - 1), { maxLength: 4 }),
      )
      .map(([open, children]) => `<${open}>${children.join('')}</${open.split(' ')[0]}>`),
    fc.array(element(depth - 1), { maxLength: 3 }).map((children) => `{{#eachLanguage}}${children.join('')}{{/eachLanguage}}`),
    fc.array(element(depth - 1), { maxLength: 3 }).map((children) => `{{#each @root.languages}}${children.join('')}{{/each}}`),
  );
});
const template = fc
  .array(element(5), { maxLength: 4 })
  .map((pages) => `<notice title="{{business.name}}" lang="en">${pages.map((page) => `<page>${page}</page>`).join('')}</notice>`);

describe('hostile templates', () => {
  it('never crash or hang, and every PDF they make is sound', async () => {
    await fc.assert(
      fc.asyncProperty(template, async (source) => {
        await renderTemplate(source);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it.each([
    ['no <page>', '<notice title="t" lang="en"></notice>'],
    ['an empty page', '<notice title="t" lang="en"><page></page></notice>'],
    ['spacer grow 1e308', '<notice title="t" lang="en"><page><p>x</p><spacer grow="1e308"/></page></notice>'],
    [
      'a huge column weight',
      '<notice title="t" lang="en"><page><columns><column weight="1e300"><p>x</p></column></columns></page></notice>',
    ],
    ['deep markup', `<notice title="t" lang="en"><page>${'<box>'.repeat(3000)}<p>x</p>${'</box>'.repeat(3000)}</page></notice>`],
    ['a 5,000-character QR link', `<notice title="t" lang="en"><page><qr href="https://x.org/${'a'.repeat(5000)}"/></page></notice>`],
    ['a javascript: QR link', '<notice title="t" lang="en"><page><qr href="javascript:alert(1)"/></page></notice>'],
    ['a file: QR link', '<notice title="t" lang="en"><page><qr href="file:///etc/passwd"/></page></notice>'],
    [
      'twelve nested each over the languages',
      `<notice title="t" lang="en"><page>${'{{#each @root.languages}}'.repeat(12)}<p>x</p>${'{{/each}}'.repeat(12)}</page></notice>`,
    ],
    ['triple-stash', '<notice title="t" lang="en"><page><p>{{{business.name}}}</p></page></notice>'],
  ])('%s is exit 2', async (_label, source) => {
    expect(await renderTemplate(source)).toBe(2);
  });

  it('template.hbs that is a folder is exit 2', async () => {
    const dir = templateDir('x');
    rmSync(join(dir, 'hostile', 'template.hbs'));
    mkdirSync(join(dir, 'hostile', 'template.hbs'));
    expect((await run(['render', 'hostile', '--templates', dir, '--set', 'name=Joe', '-o', fresh('out.pdf')])).code).toBe(2);
  });
});

describe.runIf(hasTool('qpdf'))('the checker itself', () => {
  it('catches a broken PDF', () => {
    expect(() => checkPdf(new TextEncoder().encode('%PDF-1.7\nnot really\n'))).toThrow();
  });
});
