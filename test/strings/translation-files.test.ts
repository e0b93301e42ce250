import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { localeCatalog, locales, readLocaleSources } from '../../src/strings/locale-catalog.js';
import { checkLocale, flattenStrings } from '../../src/strings/locale-check.js';
import { importEntries } from '../../src/strings/locale-import.js';
import { readPo } from '../../src/strings/po-file.js';
import { exportLocale } from '../../src/strings/translation-files.js';
import { readXliff } from '../../src/strings/xliff-file.js';
import { UsageError } from '../../src/errors.js';
import { hasTool } from '../helpers/system-tools.js';

const shipped = [...locales().keys()].filter((code) => code !== 'en').sort();

/** A copy of every shipped locale in a temporary folder, read as a user folder. */
function copiedLocales(): { dir: string; catalog: ReturnType<typeof localeCatalog> } {
  const dir = mkdtempSync(join(tmpdir(), 'placard-roundtrip-'));
  cpSync('locales', dir, { recursive: true });
  return { dir, catalog: localeCatalog([dir]) };
}

/**
 * Every file under `dir` with the sha256 of its bytes. Hashes, not the bytes: vitest's deep equality walks a
 * Buffer byte by byte, and comparing the 2.3 MB of locales that way took seconds per language.
 */
const snapshot = (dir: string): Map<string, string> =>
  new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [
        join(entry.parentPath, entry.name),
        createHash('sha256')
          .update(readFileSync(join(entry.parentPath, entry.name)))
          .digest('hex'),
      ]),
  );

describe('export then import, with no edits', () => {
  const { dir, catalog } = copiedLocales();
  const before = snapshot(dir);
  const english = catalog.get('en')!;

  for (const code of shipped) {
    it(`changes no byte of ${code}, through PO and through XLIFF`, async () => {
      const locale = catalog.get(code)!;
      const po = await exportLocale(locale, english, 'po');
      const fromPo = await importEntries(locale, english, readPo(po, `${code}.po`).entries, `${code}.po`);
      const xliff = await exportLocale(locale, english, 'xliff');
      const fromXliff = await importEntries(locale, english, (await readXliff(xliff, `${code}.xlf`)).entries, `${code}.xlf`);
      for (const result of [fromPo, fromXliff])
        expect(result).toEqual({ changed: [], skipped: [], refused: [], confirmed: [], written: [] });
      expect(snapshot(dir)).toEqual(before);
    });
  }
});

describe('the exported PO', () => {
  it('carries the key as msgctxt, English as msgid, the note as #., and the language headers', async () => {
    const po = await exportLocale(locales().get('ru')!, locales().get('en')!, 'po');
    expect(po).toContain('"Language: ru\\n"');
    expect(po).toContain('"Content-Type: text/plain; charset=utf-8\\n"');
    expect(po).toContain('Plural-Forms: nplurals=3; plural=(((n % 10 == 1) && (n % 100 != 11)) ? 0 :');
    expect(po).toMatch(
      /#\. The core statement\. Keep both "judicial".*\nmsgctxt "private-areas:warrant"\nmsgid "Entry to the non-public areas/,
    );
  });

  it.skipIf(!hasTool('msgfmt'))('passes msgfmt --check for every shipped locale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-po-'));
    for (const code of ['en', ...shipped]) {
      const file = join(dir, `${code}.po`);
      writeFileSync(file, await exportLocale(locales().get(code)!, locales().get('en')!, 'po'));
      const run = spawnSync('msgfmt', ['--check', '-o', join(dir, `${code}.mo`), file], { encoding: 'utf8' });
      expect(run.stderr, code).toBe('');
      expect(run.status, code).toBe(0);
    }
  });
});

describe('the exported XLIFF', () => {
  it('is well-formed XML 1.2 with English sources, targets and notes', async () => {
    const xliff = await exportLocale(locales().get('ar')!, locales().get('en')!, 'xliff');
    const parser = new SaxesParser({ xmlns: true });
    const elements: string[] = [];
    parser.on('opentag', (tag) => elements.push(tag.local));
    parser.write(xliff).close();
    expect(elements.filter((name) => name === 'trans-unit').length).toBe(flattenStrings(locales().get('en')!).size);
    expect(xliff).toContain('target-language="ar"');
    expect(xliff).toMatch(
      /<trans-unit id="common:list_separator" resname="list_separator" approved="yes" xml:space="preserve">\s*<source>, <\/source>\s*<target state="final">، <\/target>/,
    );
    // Placeholders are inline codes a CAT tool protects, with the text they stand for.
    expect(xliff).toContain('<ph id="1" ctype="x-i18next" equiv-text="{{contact_name}}">{{contact_name}}</ph>');
    const ids = [...xliff.matchAll(/<trans-unit id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('import', () => {
  it('refuses entries whose placeholders differ from English, naming them, and keeps the rest', async () => {
    const { dir, catalog } = copiedLocales();
    const es = catalog.get('es')!;
    let po = await exportLocale(es, catalog.get('en')!, 'po');
    po = po.replace('msgstr "Por favor, pregunte por {{contact_name}}."', 'msgstr "Pregunte por {{nombre}}."');
    po = po.replace('msgstr "Solo empleados"', 'msgstr "Solo personal"');
    const result = await importEntries(es, catalog.get('en')!, readPo(po, 'es.po').entries, 'es.po');
    expect(result.refused).toEqual([
      expect.objectContaining({
        field: 'private-areas:ask_for',
        message: expect.stringMatching(/\{\{nombre\}\} but English has \{\{contact_name\}\}/),
      }),
    ]);
    expect(result.changed).toEqual([{ key: 'private-areas:subtitle', from: 'Solo empleados', to: 'Solo personal' }]);
    const written = JSON.parse(readFileSync(join(dir, 'es', 'private-areas.json'), 'utf8')) as Record<string, string>;
    expect(written.subtitle).toBe('Solo personal');
    expect(written.ask_for).toBe('Por favor, pregunte por {{contact_name}}.');
  });

  it('leaves fuzzy and untranslated entries out, and refuses translations of older English', async () => {
    const { catalog } = copiedLocales();
    const fr = catalog.get('fr')!;
    let po = await exportLocale(fr, catalog.get('en')!, 'po');
    po = po
      .replace(/(msgctxt "private-areas:title")/, '#, fuzzy\n$1')
      .replace(/(msgctxt "private-areas:title"\nmsgid "Private area"\nmsgstr )".*"/, '$1"Zone réservée"');
    po = po.replace(/(msgctxt "private-areas:subtitle"\nmsgid "Employees only"\nmsgstr )".*"/, '$1""');
    po = po.replace('msgid "Please ask for the manager."', 'msgid "Ask for the manager."');
    const result = await importEntries(fr, catalog.get('en')!, readPo(po, 'fr.po').entries, 'fr.po');
    expect(result.changed).toEqual([]);
    expect(result.skipped).toEqual([
      { key: 'private-areas:title', why: 'fuzzy' },
      { key: 'private-areas:subtitle', why: 'untranslated' },
    ]);
    expect(result.refused).toEqual([
      expect.objectContaining({ field: 'private-areas:ask_for_manager', message: expect.stringMatching(/older English/) }),
    ]);
  });

  it('reads XLIFF units marked approved="no" as fuzzy and leaves them out', async () => {
    const { catalog } = copiedLocales();
    const ko = catalog.get('ko')!;
    const xliff = (await exportLocale(ko, catalog.get('en')!, 'xliff')).replace(
      '<trans-unit id="private-areas:title" resname="title" approved="yes">',
      '<trans-unit id="private-areas:title" resname="title" approved="no">',
    );
    const entries = (await readXliff(xliff, 'ko.xlf')).entries;
    expect(entries.find((entry) => entry.key === 'private-areas:title')?.state).toBe('fuzzy');
    expect((await readXliff(xliff, 'ko.xlf')).language).toBe('ko');
  });

  it('reads XLIFF targets whose state is new or needs review as fuzzy', async () => {
    const ko = locales().get('ko')!;
    const xliff = (await exportLocale(ko, locales().get('en')!, 'xliff'))
      .replace(
        /(<trans-unit id="private-areas:subtitle"[^>]*>\s*<source>[^<]*<\/source>\s*)<target state="final">/,
        '$1<target state="needs-review-translation">',
      )
      .replace(
        /(<trans-unit id="private-areas:warrant"[^>]*>\s*<source>[^<]*<\/source>\s*)<target state="final">/,
        '$1<target state="translated">',
      );
    const states = new Map((await readXliff(xliff, 'ko.xlf')).entries.map((entry) => [entry.key, entry.state]));
    expect(states.get('private-areas:subtitle')).toBe('fuzzy');
    expect(states.get('private-areas:warrant')).toBe('final');
  });
});

describe('plural strings in PO', () => {
  const sources = readLocaleSources(['test/fixtures/locales/check']);
  const english = sources.get('en')!.locale!;

  it('travel as one entry with msgid_plural and a msgstr per gettext form, and round-trip unchanged', async () => {
    const de = sources.get('de')!.locale!;
    const po = await exportLocale(de, english, 'po');
    expect(po).toContain(
      'msgctxt "common:items"\nmsgid "{{count}} area"\nmsgid_plural "{{count}} areas"\nmsgstr[0] "{{count}} Bereich"\nmsgstr[1] "{{count}} Bereiche"',
    );
    expect(po).toContain('"Plural-Forms: nplurals=2; plural=(n != 1);\\n"');
    const back = readPo(po, 'de.po').entries.filter((entry) => entry.key.startsWith('common:items'));
    expect(back.map((entry) => [entry.key, entry.target])).toEqual([
      ['common:items_one', '{{count}} Bereich'],
      ['common:items_other', '{{count}} Bereiche'],
    ]);
  });

  it('offer every form the language needs, and import the ones a translator fills in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-plural-'));
    cpSync('test/fixtures/locales/check/en', join(dir, 'en'), { recursive: true });
    cpSync('test/fixtures/locales/check/ru', join(dir, 'ru'), { recursive: true });
    const catalog = readLocaleSources([dir]);
    const ru = catalog.get('ru')!.locale!;
    const po = await exportLocale(ru, catalog.get('en')!.locale!, 'po');
    expect(po).toContain('msgstr[0] "{{count}} зона"\nmsgstr[1] ""\nmsgstr[2] ""');
    expect(po).toContain('msgctxt "common:items_other"');
    if (hasTool('msgfmt')) {
      writeFileSync(join(dir, 'ru.po'), po);
      expect(spawnSync('msgfmt', ['--check', '-o', join(dir, 'ru.mo'), join(dir, 'ru.po')], { encoding: 'utf8' }).stderr).toBe('');
    }
    const filled = po.replace('msgstr[1] ""', 'msgstr[1] "{{count}} зоны"').replace('msgstr[2] ""', 'msgstr[2] "{{count}} зон"');
    const result = await importEntries(ru, catalog.get('en')!.locale!, readPo(filled, 'ru.po').entries, 'ru.po');
    expect(result.changed.map((change) => [change.key, change.to])).toEqual([
      ['common:items_few', '{{count}} зоны'],
      ['common:items_many', '{{count}} зон'],
    ]);
    expect(
      checkLocale(readLocaleSources([dir]).get('ru')!.locale!, catalog.get('en')!.locale!).errors.filter(
        (problem) => problem.field === 'common:items',
      ),
    ).toEqual([]);
  });
});

describe('translation files a stranger might give', () => {
  it('reads a PO file without a header entry, and refuses broken ones as usage errors', async () => {
    expect(readPo('msgctxt "common:not_advice"\nmsgid "x"\nmsgstr "y"\n', 'bare.po', 'es').entries).toEqual([
      expect.objectContaining({ key: 'common:not_advice', target: 'y', state: 'final' }),
    ]);
    expect(readPo('', 'empty.po', 'es').entries).toEqual([]);
    expect(() => readPo('msgctxt "x"\nmsgid "a"\n', 'no-msgstr.po', 'es')).toThrow(UsageError);
  });

  it('refuses malformed XLIFF with a message for a translator, not a stack', async () => {
    expect((await readXliff('<xliff version="1.2"></xliff>', 'empty.xlf')).entries).toEqual([]);
    for (const text of ['<xliff', '<html/>', '<xliff version="1.2"><file><body><trans-unit/></body></file></xliff>']) {
      const error = await readXliff(text, 'bad.xlf').then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).not.toMatch(/Cannot read properties/);
    }
  });
});
