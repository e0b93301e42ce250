import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../helpers/pdf-reader.js';
import { placardIn as placard, tempDir } from './run-placard.js';

/** A user locale folder with a copy of one shipped locale. */
function userLocales(code = 'es'): { cwd: string; dir: string } {
  const cwd = tempDir();
  const dir = join(cwd, 'mine');
  mkdirSync(dir);
  cpSync(join('locales', code), join(dir, code), { recursive: true });
  return { cwd, dir };
}

describe('a partial locale', () => {
  it('prints English for missing and empty strings, with a warning, never a raw key', async () => {
    const cwd = tempDir();
    expect((await placard(['locales', 'new', 'de', '--dir', 'N'], { cwd })).code).toBe(0);
    // One string translated, one key removed, the rest empty as "locales new" wrote them.
    const file = join(cwd, 'N', 'de', 'private-areas.json');
    const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    strings.title = 'Privater Bereich';
    delete strings.subtitle;
    writeFileSync(file, JSON.stringify(strings));
    const run = await placard(['render', 'private-areas', '--set', 'name=Alpha', '--lang', 'en,de', '--locales', 'N', '-o', 'out.pdf'], {
      cwd,
    });
    expect(run.code, run.stderr).toBe(0);
    const { text } = await readPdf(new Uint8Array(readFileSync(join(cwd, 'out.pdf'))));
    expect(text).toContain('Privater Bereich');
    for (const raw of ['title', 'subtitle', 'warrant', 'non_public', 'ask_for_manager'])
      expect(text).not.toMatch(new RegExp(`(^|\\n)${raw}(\\n|$)`));
    expect(text.match(/Employees only/g)).toHaveLength(2);
    expect(run.stderr).toMatch(
      /warning: the de translation has no text for "private-areas:subtitle", "private-areas:warrant".*; they print in English/,
    );
    expect(run.stderr.match(/has no text for/g)).toHaveLength(1);
  });
});

describe('locales new', () => {
  it('refuses en, und, a file as --dir, with exit 2 and a message', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'file'), 'x');
    const cases: [string[], RegExp][] = [
      [['locales', 'new', 'en', '--dir', 'N'], /en is the English master/],
      [['locales', 'new', 'und', '--dir', 'N'], /undetermined language/],
      [['locales', 'new', 'de', '--dir', 'file'], /--dir file: is a file/],
    ];
    for (const [args, message] of cases) {
      const run = await placard(args, { cwd });
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.code, args.join(' ')).toBe(2);
    }
  });

  it.skipIf(process.getuid?.() === 0)('refuses a read-only folder with exit 2', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'ro'));
    chmodSync(join(cwd, 'ro'), 0o555);
    const run = await placard(['locales', 'new', 'de', '--dir', 'ro'], { cwd });
    expect(run.stderr).toMatch(/--dir ro: cannot write/);
    expect(run.code).toBe(2);
  });
});

describe('links out of a folder placard reads', () => {
  it('refuses a locale file that links outside the --locales folder, naming it (exit 2)', async () => {
    const { cwd, dir } = userLocales();
    writeFileSync(join(cwd, 'secret.json'), '{"token": "s3cret"}');
    symlinkSync(join(cwd, 'secret.json'), join(dir, 'es', 'leak.json'));
    const run = await placard(['render', 'private-areas', '--set', 'name=A', '--lang', 'es', '--locales', 'mine', '-o', 'o.pdf'], { cwd });
    expect(run.stderr).toMatch(/mine\/es\/leak\.json: is a link to .*secret\.json, outside the --locales folder/);
    expect(run.code).toBe(2);
    expect((await placard(['locales', 'check', '--locales', 'mine'], { cwd })).code).toBe(2);
  });

  it('refuses a template file that links outside the --templates folder, and accepts a link inside', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'T'));
    cpSync('templates/staff-only', join(cwd, 'T', 'mine'), { recursive: true });
    const manifest = join(cwd, 'T', 'mine', 'template.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^id: .*$/m, 'id: mine'));
    cpSync(join(cwd, 'T', 'mine', 'template.hbs'), join(cwd, 'T', 'body.hbs'));
    const render = () => placard(['render', 'mine', '--templates', 'T', '--set', 'name=A', '-o', 'o.pdf'], { cwd });
    rmSync(join(cwd, 'T', 'mine', 'template.hbs'));
    symlinkSync(join(cwd, 'T', 'body.hbs'), join(cwd, 'T', 'mine', 'template.hbs'));
    const linked = await render();
    expect(linked.code, linked.stderr).toBe(0);
    rmSync(join(cwd, 'T', 'mine', 'template.hbs'));
    writeFileSync(join(cwd, 'outside.hbs'), readFileSync(join(cwd, 'T', 'body.hbs')));
    symlinkSync(join(cwd, 'outside.hbs'), join(cwd, 'T', 'mine', 'template.hbs'));
    const run = await render();
    expect(run.stderr).toMatch(/T\/mine\/template\.hbs: is a link to .*outside\.hbs, outside the --templates folder/);
    expect(run.code).toBe(2);
  });
});

describe('control characters and oversized strings in translations', () => {
  const bad: [string, string, RegExp][] = [
    ['an RLO', 'Área\u202e privada', /bidi control U\+202E/],
    ['an ESC', 'Área \u001b[2J privada', /control character \(U\+001B/],
    ['a BEL', 'Área privada\u0007', /control character \(U\+0007/],
    ['100 KB', 'Área privada '.repeat(8000), /characters long; a translation is at most 2000/],
  ];
  for (const [what, value, message] of bad) {
    it(`check fails and import refuses ${what}`, async () => {
      const { cwd, dir } = userLocales();
      const file = join(dir, 'es', 'private-areas.json');
      const original = readFileSync(file, 'utf8');
      writeFileSync(file, original.replace('"Área privada"', JSON.stringify(value)));
      const checked = await placard(['locales', 'check', 'es', '--locales', 'mine'], { cwd });
      expect(checked.stderr).toMatch(message);
      expect(checked.stderr).toMatch(/key "private-areas:title"/);
      expect(checked.code).toBe(1);

      writeFileSync(file, original);
      expect((await placard(['locales', 'export', 'es', '--locales', 'mine', '--format', 'po', '-o', 'es.po'], { cwd })).code).toBe(0);
      // Raw characters, as a hostile file would carry them (PO has no \u escapes).
      const po = readFileSync(join(cwd, 'es.po'), 'utf8').replace('msgstr "Área privada"', `msgstr "${value}"`);
      writeFileSync(join(cwd, 'es.po'), po);
      const imported = await placard(['locales', 'import', 'es.po', '--locales', 'mine'], { cwd });
      expect(imported.stderr).toMatch(message);
      expect(imported.code).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(original);
    });
  }
});

describe('stale translations at the command line', () => {
  it('render warns once; locales confirm clears it', async () => {
    const cwd = tempDir();
    cpSync('locales', join(cwd, 'mine'), { recursive: true });
    const english = join(cwd, 'mine', 'en', 'private-areas.json');
    writeFileSync(english, readFileSync(english, 'utf8').replace('Please ask for the manager.', 'Please ask for the manager on duty.'));
    const render = () =>
      placard(['render', 'private-areas', '--set', 'name=A', '--lang', 'en,es', '--locales', 'mine', '-o', 'o.pdf'], { cwd });
    const warned = await render();
    expect(warned.code).toBe(0);
    expect(warned.stderr.match(/warning: the es translation of "private-areas:ask_for_manager" was made from older English/g)).toHaveLength(
      1,
    );
    const checked = await placard(['locales', 'check', 'es', '--locales', 'mine'], { cwd });
    expect(checked.stderr).toMatch(/mine\/es\/private-areas\.json, line \d+, column \d+, key "private-areas:ask_for_manager": is stale/);
    expect(checked.stderr).toMatch(/es: ok \(draft: needs a fluent reviewer; 1 stale/);
    const confirmed = await placard(['locales', 'confirm', 'es', '--key', 'private-areas:ask_for_manager', '--locales', 'mine'], { cwd });
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect((await render()).stderr).not.toMatch(/older English/);
    expect((await placard(['locales', 'confirm', 'en', '--locales', 'mine'], { cwd })).code).toBe(2);
  });
});
