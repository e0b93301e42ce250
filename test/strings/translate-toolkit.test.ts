/**
 * Round trips through the tools translators' pipelines use: translate-toolkit (Pootle, Virtaal and many CI
 * pipelines) and GNU gettext. Debian packages translate-toolkit and gettext; skipped when absent.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeCatalog, locales } from '../../src/strings/locale-catalog.js';
import { importEntries } from '../../src/strings/locale-import.js';
import { readTranslationFile, exportLocale } from '../../src/strings/translation-files.js';
import { hasTool } from '../helpers/system-tools.js';

const drafts = [...locales().keys()].filter((code) => code !== 'en').sort();

function run(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  expect(result.status, `${tool} ${args.join(' ')}: ${result.stderr}`).toBe(0);
}

let exports: Promise<{ dir: string; catalog: ReturnType<typeof localeCatalog> }> | undefined;

/**
 * Every draft exported as PO and XLIFF into a fresh folder, once for the file: each test converts them into
 * folders of its own and imports nothing that changes them (it checks so).
 */
function exported(): Promise<{ dir: string; catalog: ReturnType<typeof localeCatalog> }> {
  exports ??= exportAll();
  return exports;
}

async function exportAll(): Promise<{ dir: string; catalog: ReturnType<typeof localeCatalog> }> {
  const dir = mkdtempSync(join(tmpdir(), 'placard-ttk-'));
  cpSync('locales', join(dir, 'locales'), { recursive: true });
  const catalog = localeCatalog([join(dir, 'locales')]);
  mkdirSync(join(dir, 'po'));
  mkdirSync(join(dir, 'xlf'));
  for (const code of drafts) {
    writeFileSync(join(dir, 'po', `${code}.po`), await exportLocale(catalog.get(code)!, catalog.get('en')!, 'po'));
    writeFileSync(join(dir, 'xlf', `${code}.xlf`), await exportLocale(catalog.get(code)!, catalog.get('en')!, 'xliff'));
  }
  return { dir, catalog };
}

/** Imports each converted file back: every string must come back final and unchanged. */
async function importsUnchanged(folder: string, extension: string, catalog: ReturnType<typeof localeCatalog>): Promise<void> {
  const files = readdirSync(folder).filter((name) => name.endsWith(extension));
  expect(files).toHaveLength(drafts.length);
  for (const name of files) {
    const code = name.slice(0, -extension.length);
    const file = await readTranslationFile(join(folder, name), code);
    const result = await importEntries(catalog.get(code)!, catalog.get('en')!, file.entries, name);
    expect(result, `${name}`).toMatchObject({ changed: [], skipped: [], refused: [], written: [] });
    expect(file.entries.filter((entry) => entry.state === 'final').length, name).toBeGreaterThan(50);
  }
}

describe.skipIf(!hasTool('po2xliff') || !hasTool('xliff2po'))('translate-toolkit round trips', () => {
  it("xliff2po reads placard's XLIFF with every key kept and every string final", async () => {
    const { dir, catalog } = await exported();
    run('xliff2po', [join(dir, 'xlf'), join(dir, 'xlf-po')]);
    const po = readFileSync(join(dir, 'xlf-po', 'es.po'), 'utf8');
    expect(po).not.toMatch(/#, fuzzy\n(?!msgid "")/);
    expect(po).toContain('#: private-areas:title');
    await importsUnchanged(join(dir, 'xlf-po'), '.po', catalog);
  });

  it("po2xliff then xliff2po of placard's PO import back with every string final", async () => {
    const { dir, catalog } = await exported();
    run('po2xliff', [join(dir, 'po'), join(dir, 'po-xlf')]);
    await importsUnchanged(join(dir, 'po-xlf'), '.xliff', catalog);
    run('xliff2po', [join(dir, 'po-xlf'), join(dir, 'po-xlf-po')]);
    await importsUnchanged(join(dir, 'po-xlf-po'), '.po', catalog);
  });
});

describe.skipIf(!hasTool('pofilter'))('pofilter', () => {
  it('finds nothing structural in any draft: no broken escapes, variables, tags or untranslated strings', async () => {
    const { dir } = await exported();
    run('pofilter', ['--nofuzzy', join(dir, 'po'), join(dir, 'filtered')]);
    const structural = [
      'escapes',
      'newlines',
      'tabs',
      'printf',
      'variables',
      'xmltags',
      'untranslated',
      'nplurals',
      'validchars',
      'urls',
      'emails',
    ];
    // pofilter's own false positive: its URL pattern takes the English "https://." with its full stop, and
    // languages that end a sentence with "።", "।" or "။" do so after "https://", so the links look different.
    // The links themselves are checked directly below.
    const falsePositives = ['urls'];
    for (const name of readdirSync(join(dir, 'filtered'))) {
      const found = [...readFileSync(join(dir, 'filtered', name), 'utf8').matchAll(/^# \(pofilter\) (\w+):/gm)].map((match) => match[1]);
      expect(
        found.filter((filter) => structural.includes(filter!) && !falsePositives.includes(filter!)),
        name,
      ).toEqual([]);
    }
    for (const code of readdirSync('locales').filter((entry) => existsSync(join('locales', entry, 'serve.json')))) {
      const serve = JSON.parse(readFileSync(join('locales', code, 'serve.json'), 'utf8')) as Record<string, string>;
      for (const key of ['help_report_url', 'help_rights_url']) expect(serve[key], `${code} serve:${key}`).toContain('https://');
    }
  });
});

describe.skipIf(!hasTool('msgfmt'))('msgfmt', () => {
  it('compiles a draft with a stale, fuzzy entry and its #| msgid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-msgfmt-'));
    cpSync('locales', dir, { recursive: true });
    const file = join(dir, 'en', 'private-areas.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Please ask for the manager.', 'Please ask \\"the manager\\" on duty.'));
    const catalog = localeCatalog([dir]);
    const po = await exportLocale(catalog.get('pt')!, catalog.get('en')!, 'po');
    expect(po).toContain('#| msgid "Please ask for the manager."');
    writeFileSync(join(dir, 'pt.po'), po);
    const result = spawnSync('msgfmt', ['--check', '--statistics', '-o', join(dir, 'pt.mo'), join(dir, 'pt.po')], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/, 1 fuzzy translation/);
  });
});
