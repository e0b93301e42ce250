import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateError, UsageError } from '../../src/errors.js';
import { fontSet } from '../../src/fonts/font-set.js';
import { checkLocales } from '../../src/checks/locale-report.js';
import { localeCatalog, readLocaleSources } from '../../src/strings/locale-catalog.js';
import { thrown } from '../helpers/thrown.js';

const FIXTURES = 'test/fixtures/locales/check';
const sources = readLocaleSources([FIXTURES]);
const report = (code: string) => checkLocales(sources, [code], fontSet())[0]!;
const messages = (code: string) => report(code).errors.map((problem) => `${problem.field ?? ''}: ${problem.message}`);

describe('locales check on fixture locales', () => {
  it('finds a missing key, an extra key, a changed placeholder, an empty and a non-NFC string', () => {
    const found = messages('de');
    expect(found).toContainEqual(expect.stringMatching(/^common:separator: is missing/));
    expect(found).toContainEqual(expect.stringMatching(/^common:extra: is not in the English master/));
    expect(found).toContainEqual(expect.stringMatching(/^common:greeting: has placeholders \{\{nom\}\} but English has \{\{name\}\}/));
    expect(found).toContainEqual(expect.stringMatching(/^common:not_advice: is empty/));
    expect(found).toContainEqual(expect.stringMatching(/^common:unnoted: is not NFC/));
    const placeholder = report('de').errors.find((problem) => problem.field === 'common:greeting')!;
    expect(placeholder.file).toMatch(/de\/common\.json$/);
    expect(placeholder.line).toBe(3);
  });

  it('finds plural forms that do not match CLDR, and warns about strings identical to English', () => {
    expect(messages('ru')).toContainEqual(
      expect.stringMatching(/^common:items: has plural forms \{one, other\} but CLDR gives ru \{few, many, one, other\}/),
    );
    expect(
      report('ru')
        .warnings.filter((warning) => !warning.file?.endsWith('translated-from.yaml'))
        .map((warning) => warning.field),
    ).toEqual(['common:not_advice']);
    expect(report('ru').warnings[0]!.message).toMatch(/same as English/);
  });

  it('reports malformed JSON with its line and column, never throwing', () => {
    const [problem] = report('fr').errors;
    expect(problem).toMatchObject({ line: 3, column: 3 });
    expect(problem!.file).toMatch(/fr\/common\.json$/);
    expect(problem!.message).toMatch(/not valid JSON/);
  });

  it('reports keys given twice and values that are not strings', () => {
    expect(report('it').errors).toEqual([
      expect.objectContaining({ field: 'not_advice', line: 3, message: expect.stringMatching(/given twice/) }),
      expect.objectContaining({ field: 'greeting', line: 4, column: 15, message: expect.stringMatching(/expected a string/) }),
    ]);
  });

  it('reports malformed metadata, field by field', () => {
    const fields = report('nl').errors.map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['script', 'status', 'translators', 'date', 'fonts', 'colour']));
    expect(report('sv').errors[0]).toMatchObject({ line: 12, message: expect.stringMatching(/not valid YAML: Map keys must be unique/) });
  });

  it('finds characters that no bundled font can draw', () => {
    expect(messages('bo')).toContainEqual(expect.stringMatching(/^common:not_advice: has characters no bundled font can draw: U\+0F0B/));
  });

  it('fails a locale marked reviewed that does not pass', () => {
    expect(messages('pt').at(-1)).toMatch(/^status: is "reviewed" but the locale fails the check/);
    expect(messages('de').some((message) => message.startsWith('status:'))).toBe(false);
  });

  it('asks English for a note on every string, and no note for a string it does not have', () => {
    expect(messages('en')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^common:unnoted: has no translator note/),
        expect.stringMatching(/^common:gone: is a note for a string/),
      ]),
    );
  });
});

describe('a malformed locale when rendering', () => {
  it('is a TemplateError naming the file, line and column: meta.yaml at once, the strings when the locale is first used', () => {
    expect(thrown(TemplateError, () => localeCatalog([FIXTURES])).message).toMatch(/nl\/meta\.yaml, line 5, column 9, field "status"/);
    // Only meta.yaml is read up front: a run reads the strings of the languages it prints.
    const dir = mkdtempSync(join(tmpdir(), 'placard-locales-'));
    for (const code of ['fr', 'it']) cpSync(join(FIXTURES, code), join(dir, code), { recursive: true });
    const catalog = localeCatalog([dir]);
    expect(thrown(TemplateError, () => catalog.get('fr')!.namespaces).message).toMatch(
      /fr\/common\.json, line 3, column 3: not valid JSON/,
    );
    expect(thrown(TemplateError, () => catalog.get('it')!.namespaces).message).toMatch(
      /it\/common\.json, line 4, column 15, field "greeting": expected a string/,
    );
  });

  it('refuses a file bigger than the size limit without reading it all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-locales-'));
    cpSync('locales/es', join(dir, 'es'), { recursive: true });
    writeFileSync(join(dir, 'es', 'common.json'), `{"x": "${'a'.repeat(300 * 1024)}"}`);
    expect(thrown(TemplateError, () => localeCatalog([dir]).get('es')!.namespaces).message).toMatch(/common\.json is larger than 256 KB/);
  });

  it("refuses a user folder's locale marked reviewed that fails the check, when it is first used", () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-locales-'));
    cpSync('locales/es', join(dir, 'es'), { recursive: true });
    const meta = join(dir, 'es', 'meta.yaml');
    writeFileSync(
      meta,
      readFileSync(meta, 'utf8').replace('status: draft', 'status: reviewed').replace('reviewers: []', 'reviewers: [Ana]'),
    );
    const strings = join(dir, 'es', 'private-areas.json');
    writeFileSync(strings, readFileSync(strings, 'utf8').replace('{{contact_name}}.', '{{nombre}}.'));
    const error = thrown(TemplateError, () => localeCatalog([dir]).get('es')!.namespaces);
    expect(error.message).toMatch(/private-areas:ask_for.*has placeholders \{\{nombre\}\}/);
    expect(error.message).toMatch(/es\/meta\.yaml, field "status": is "reviewed" but the locale fails the check/);
  });

  it('names a locale folder whose name is not a language tag', () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-locales-'));
    cpSync('locales/es', join(dir, 'Spanish!'), { recursive: true });
    expect(readLocaleSources([dir]).get('Spanish!')!.problems[0]!.message).toMatch(/"Spanish!" is not a BCP 47 language tag/);
    expect(thrown(TemplateError, () => localeCatalog([dir])).message).toMatch(/not a BCP 47 language tag/);
  });

  it('refuses a --locales folder that does not exist, or that is one locale', () => {
    expect(thrown(UsageError, () => localeCatalog(['/no/such/dir'])).message).toMatch(/no such folder/);
    expect(thrown(UsageError, () => localeCatalog(['locales/es'])).message).toMatch(/is one locale; give the folder that holds it/);
  });
});

describe('user locale folders', () => {
  it('add a locale and override a built-in one whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-locales-'));
    cpSync('locales/es', join(dir, 'es'), { recursive: true });
    cpSync('locales/es', join(dir, 'eo'), { recursive: true });
    mkdirSync(join(dir, 'not-a-locale'));
    const catalog = localeCatalog([dir]);
    expect(catalog.get('es')!.dir).toBe(join(dir, 'es'));
    expect(catalog.has('eo')).toBe(true);
    expect(catalog.has('not-a-locale')).toBe(false);
    expect(catalog.get('fr')!.dir).toMatch(/locales\/fr$/);
  });
});
