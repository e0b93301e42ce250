import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/report-error.js';
import { Reporter, type CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { readPdf } from '../helpers/pdf-reader.js';

/** An in-memory terminal for the CLI core. */
function terminal(env: Record<string, string> = {}) {
  const out: (string | Uint8Array)[] = [];
  let err = '';
  const io: CliIO = { stdout: { write: (chunk) => out.push(chunk) }, stderr: { write: (chunk) => (err += chunk) }, env };
  return { io, stdout: () => out, stderr: () => err };
}

/** A folder holding one template folder, copied from the built-in private-areas and changed by `edit`. */
function userTemplates(edit: (dir: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'placard-templates-'));
  const dir = join(root, 'private-areas');
  mkdirSync(dir);
  cpSync('templates/private-areas', dir, { recursive: true });
  edit(dir);
  return root;
}

describe('exit codes and messages', () => {
  it('turns an unexpected error into exit 3 with the stack trace and a request to report it', () => {
    const term = terminal();
    const code = reportError(new TypeError('boom'), new Reporter(term.io));
    expect(code).toBe(3);
    expect(term.stderr()).toMatch(/internal error/);
    expect(term.stderr()).toMatch(/report/);
    expect(term.stderr()).toContain('TypeError: boom');
    expect(term.stderr()).toMatch(/at .*main\.test\.ts/);
  });

  it('prints help and exits 0', async () => {
    const term = terminal();
    expect(await main(['--help'], term.io)).toBe(0);
    expect(term.stdout().join('')).toContain('render');
  });

  it('lists templates', async () => {
    const term = terminal();
    expect(await main(['templates', 'list'], term.io)).toBe(0);
    expect(term.stdout().join('')).toContain('private-areas');
  });
});

describe('user templates', () => {
  it('override a built-in template with the same id', async () => {
    const dir = userTemplates((folder) => {
      const source = join(folder, 'template.hbs');
      writeFileSync(
        source,
        '<notice title="{{business.name}}" lang="{{primary.code}}"><page><h1>Staff only, {{business.name}}</h1></page></notice>',
      );
    });
    const term = terminal();
    expect(await main(['render', 'private-areas', '--templates', dir, '--set', 'name=Ana', '-o', '-'], term.io)).toBe(0);
    const facts = await readPdf(term.stdout()[0] as Uint8Array);
    expect(facts.text).toContain('Staff only, Ana');
  });

  it('with triple-stash are refused, with line and column (exit 2)', async () => {
    const dir = userTemplates((folder) =>
      writeFileSync(join(folder, 'template.hbs'), '<notice title="x" lang="en">\n<page><p>{{{business.name}}}</p></page></notice>'),
    );
    const term = terminal();
    expect(await main(['render', 'private-areas', '--templates', dir, '--set', 'name=Ana', '-o', '-'], term.io)).toBe(2);
    expect(term.stderr()).toMatch(/line 2, column \d+: unescaped output/);
  });

  it('with broken markup are refused, with line and column (exit 2)', async () => {
    const dir = userTemplates((folder) =>
      writeFileSync(join(folder, 'template.hbs'), '<notice title="x" lang="en">\n<page>\n<p>open</page></notice>'),
    );
    const term = terminal();
    expect(await main(['render', 'private-areas', '--templates', dir, '--set', 'name=Ana', '-o', '-'], term.io)).toBe(2);
    expect(term.stderr()).toMatch(/line 3, column \d+/);
  });

  it('with an invalid manifest are refused, naming the file and the field (exit 2)', async () => {
    const dir = userTemplates((folder) => writeFileSync(join(folder, 'template.yaml'), 'id: private-areas\ntitle: x\n'));
    const term = terminal();
    expect(await main(['render', 'private-areas', '--templates', dir, '--set', 'name=Ana', '-o', '-'], term.io)).toBe(2);
    expect(term.stderr()).toContain('template.yaml');
    expect(term.stderr()).toContain('description');
  });
});

describe('fonts and locales commands', () => {
  it('lists every bundled font family with its scripts and licence', async () => {
    const term = terminal();
    expect(await main(['fonts', 'list'], term.io)).toBe(0);
    const out = term.stdout().join('');
    for (const family of [
      'Noto Sans ',
      'Noto Sans Arabic',
      'Noto Sans SC',
      'Noto Sans TC',
      'Noto Sans KR',
      'Noto Sans Myanmar',
      'Noto Sans Ethiopic',
    ]) {
      expect(out).toContain(family);
    }
    expect(out).toContain('Open Font License');
  });

  it('says a language is fully covered, naming the fonts', async () => {
    const term = terminal();
    expect(await main(['fonts', 'check', 'am'], term.io)).toBe(0);
    expect(term.stdout().join('')).toMatch(/am: every character has a font \(.*Noto Sans Ethiopic/);
  });

  it('takes --font into the chain for fonts check', async () => {
    const term = terminal();
    const file = 'node_modules/@expo-google-fonts/noto-sans-ethiopic/400Regular/NotoSansEthiopic_400Regular.ttf';
    expect(await main(['fonts', 'check', 'am', '--font', file], term.io)).toBe(0);
    expect(term.stdout().join('')).toContain('NotoSansEthiopic_400Regular.ttf');
  });

  it('refuses a --font that is not a TrueType or OpenType file (exit 2)', async () => {
    const term = terminal();
    expect(await main(['fonts', 'check', 'am', '--font', 'package.json'], term.io)).toBe(2);
    expect(term.stderr()).toMatch(/package\.json is not a TrueType or OpenType font/);
  });

  it('refuses a --font file that is not a font (exit 2)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'placard-font-')), 'fake.ttf');
    writeFileSync(file, 'not a font at all');
    const term = terminal();
    expect(await main(['fonts', 'check', 'am', '--font', file], term.io)).toBe(2);
    expect(term.stderr()).toContain(`${file} is not a TrueType or OpenType font`);
  });

  it('gives an unknown language to fonts check as a usage error (exit 2)', async () => {
    const term = terminal();
    expect(await main(['fonts', 'check', 'xx'], term.io)).toBe(2);
    expect(term.stderr()).toContain('known languages');
  });

  // One locale: checking every one (~3 s of CPU, every string laid out) is locales.e2e's "passes every shipped locale".
  it('checks a locale against English', async () => {
    const term = terminal();
    expect(await main(['locales', 'check', 'zh-Hant'], term.io)).toBe(0);
    expect(term.stderr()).toMatch(/zh-Hant: ok \(draft/);
  });

  it('lists locales with their status', async () => {
    const term = terminal();
    expect(await main(['locales', 'list'], term.io)).toBe(0);
    expect(term.stdout().join('')).toMatch(/en\s+English \(English\), Latn, ltr, reviewed/);
    expect(term.stdout().join('')).toMatch(/ar\s+العربية \(Arabic\), Arab, rtl, draft/);
  });
});

describe('errors found in review stay user errors', () => {
  const render = async (args: string[], env: Record<string, string> = {}) => {
    const term = terminal(env);
    const code = await main(['render', 'private-areas', ...args, '-o', '-'], term.io);
    return { code, stderr: term.stderr(), pdf: term.stdout()[0] as Uint8Array | undefined };
  };

  it('refuses --templates that is a file (exit 2)', async () => {
    const run = await render(['--templates', 'package.json', '--set', 'name=A']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a folder');
  });

  it('refuses a user template.yaml that is not YAML, a bad version date, or a reserved field (exit 2)', async () => {
    for (const [manifest, expected] of [
      ['id: private-areas\ntitle: [x\n', 'not valid YAML'],
      [readFileSync('templates/private-areas/template.yaml', 'utf8').replace(/^version: .*$/m, 'version: "2026-13-01"'), 'not a real date'],
      [`${readFileSync('templates/private-areas/template.yaml', 'utf8')}  languages: { type: text, max: 9 }\n`, 'set by placard'],
    ] as const) {
      const dir = userTemplates((folder) => writeFileSync(join(folder, 'template.yaml'), manifest));
      const run = await render(['--templates', dir, '--set', 'name=A']);
      expect(run.code, expected).toBe(2);
      expect(run.stderr).toContain(expected);
    }
  });

  it('accepts the fields a user template declares for itself', async () => {
    const dir = userTemplates((folder) => {
      writeFileSync(
        join(folder, 'template.yaml'),
        `${readFileSync('templates/private-areas/template.yaml', 'utf8')}  order_number: { type: text, max: 20 }\n`,
      );
      writeFileSync(
        join(folder, 'template.hbs'),
        '<notice title="x" lang="en"><page><p>Order {{business.order_number}}</p></page></notice>',
      );
    });
    const run = await render(['--templates', dir, '--set', 'name=A', '--set', 'order_number=EO-2025-02']);
    expect(run.code).toBe(0);
    expect((await readPdf(run.pdf!)).text).toContain('Order EO-2025-02');
  });

  it('refuses a malformed SOURCE_DATE_EPOCH (exit 2)', async () => {
    for (const epoch of ['abc', '1.5', '99999999999999']) {
      const run = await render(['--set', 'name=A'], { SOURCE_DATE_EPOCH: epoch });
      expect(run.code, epoch).toBe(2);
      expect(run.stderr).toContain('SOURCE_DATE_EPOCH');
    }
  });

  it('counts a name of only invisible marks as missing (exit 1)', async () => {
    const run = await render(['--set', 'name=\u200e\u2068 \u2069']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('field "name"');
  });

  it('refuses a link too long to scan as a QR code (exit 1)', async () => {
    const run = await render(['--set', 'name=A', '--rights-url', `https://example.org/${'a'.repeat(400)}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('shorter link');
  });

  it('keeps bold text bold, and two --font files of the same name apart', async () => {
    const first = mkdtempSync(join(tmpdir(), 'placard-a-'));
    const second = mkdtempSync(join(tmpdir(), 'placard-b-'));
    cpSync('node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', join(first, 'My.ttf'));
    cpSync('node_modules/@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf', join(second, 'My.ttf'));
    const run = await render(['--set', 'name=Tacos', '--lang', 'en,ar', '--font', join(first, 'My.ttf'), '--font', join(second, 'My.ttf')]);
    expect(run.code).toBe(0);
    const facts = await readPdf(run.pdf!, { fonts: true });
    expect(facts.fonts.map((font) => font.name).join(' ')).toMatch(/NotoSans-Bold/);
    expect(facts.fonts.map((font) => font.name).join(' ')).toMatch(/NotoSansArabic-Regular/);
    expect(facts.text).toContain('Private area');
    expect(facts.text).toContain('منطقة خاصة');
  });

  it('keeps a right-to-left mark in the street inside the street', async () => {
    const run = await render(['--set', 'name=A', '--set', 'street=\u202e1510 Lake St', '--set', 'city=Minneapolis', '--set', 'region=MN']);
    expect(run.code).toBe(0);
    expect((await readPdf(run.pdf!)).text).toContain('Minneapolis, MN');
  });
});

describe('usage errors in every subcommand', () => {
  it.each([
    [['templates', 'list', 'extra'], 'too many arguments'],
    [['fonts', 'check'], "missing required argument 'lng'"],
    [['fonts', 'list', 'x'], 'too many arguments'],
    [['locales', 'check', '--bogus'], "unknown option '--bogus'"],
    [['locales', 'list', '--bogus'], "unknown option '--bogus'"],
    [['render'], "missing required argument 'template'"],
    [['render', 'private-areas', '--size', 'A0'], "argument 'A0' is invalid"],
    [['bogus'], "unknown command 'bogus'"],
  ])('placard %j exits 2 and says what is wrong on its own stderr', async (argv, message) => {
    const term = terminal();
    expect(await main(argv, term.io)).toBe(2);
    expect(term.stderr()).toContain(message);
  });
});
