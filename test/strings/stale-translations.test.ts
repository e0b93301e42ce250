import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontSet } from '../../src/fonts/font-set.js';
import type { Problem } from '../../src/errors.js';
import { checkLocales, staleFindings } from '../../src/checks/locale-report.js';
import { locales, readLocaleSources } from '../../src/strings/locale-catalog.js';
import { confirmStrings } from '../../src/strings/locale-confirm.js';
import { importEntries } from '../../src/strings/locale-import.js';
import { readPo } from '../../src/strings/po-file.js';
import { exportLocale } from '../../src/strings/translation-files.js';
import { readXliff } from '../../src/strings/xliff-file.js';

const drafts = [...locales().keys()].filter((code) => code !== 'en').sort();
const OLD = 'Please ask for the manager.';
const NEW = 'Please ask for the manager on duty.';

/** Every shipped locale copied to a user folder, with one English string changed. */
function withChangedEnglish(): string {
  const dir = mkdtempSync(join(tmpdir(), 'placard-stale-'));
  cpSync('locales', dir, { recursive: true });
  const file = join(dir, 'en', 'private-areas.json');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(OLD);
  writeFileSync(file, text.replace(OLD, NEW));
  return dir;
}

const sources = (dir: string) => readLocaleSources([dir]);

/** Each draft's stale translations, counted as checkLocales counts them (findings that name a key). */
function staleReports(found: ReturnType<typeof readLocaleSources>): { code: string; stale: number; warnings: Problem[] }[] {
  const master = found.get('en')!.locale!;
  return drafts.map((code) => {
    const warnings = staleFindings(found.get(code)!.locale!, master);
    return { code, stale: warnings.filter((problem) => problem.key !== undefined).length, warnings };
  });
}

describe('a changed English string', () => {
  // These two look only at staleness, through the part of checkLocales that finds it: the whole check also lays out
  // every string of every draft in its fonts (~3 s of CPU each time), which locales.e2e's `locales check` covers, and
  // the reports' stale counts are checked through checkLocales below (fr; ko and ru).
  it('is current in every shipped draft today', () => {
    for (const report of staleReports(readLocaleSources([]))) expect(report.stale, report.code).toBe(0);
  });

  it('makes its translation stale in every shipped draft, listed with file and line', () => {
    const dir = withChangedEnglish();
    const reports = staleReports(sources(dir));
    expect(drafts.length).toBeGreaterThanOrEqual(19);
    expect(reports).toHaveLength(drafts.length);
    for (const report of reports) {
      expect(report.stale, report.code).toBe(1);
      const stale = report.warnings.find((warning) => /is stale/.test(warning.message))!;
      expect(stale).toMatchObject({ file: join(dir, report.code, 'private-areas.json'), field: 'private-areas:ask_for_manager' });
      expect(stale.line).toBeGreaterThan(1);
      expect(stale.message).toContain(`from "${OLD}" to "${NEW}"`);
    }
  });

  it('exports fuzzy with the previous English as #| msgid, and XLIFF as needs-review', async () => {
    const found = sources(withChangedEnglish());
    const en = found.get('en')!.locale!;
    for (const code of drafts) {
      const po = await exportLocale(found.get(code)!.locale!, en, 'po');
      expect(po, code).toMatch(
        new RegExp(
          `#, fuzzy\\n#\\| msgid "${OLD.replace('.', '\\.')}"\\nmsgctxt "private-areas:ask_for_manager"\\nmsgid "${NEW.replace('.', '\\.')}"`,
        ),
      );
      expect(po.match(/#, fuzzy/g), code).toHaveLength(1);
    }
    const xliff = await exportLocale(found.get('es')!.locale!, en, 'xliff');
    expect(xliff).toMatch(
      /<trans-unit id="private-areas:ask_for_manager" resname="ask_for_manager" approved="no">[\s\S]*?<target state="needs-review-translation">/,
    );
    expect(xliff).toContain(`It was: ${OLD}`);
  });

  it('is cleared by importing the entry as final, and an unedited export imports nothing', async () => {
    const dir = withChangedEnglish();
    let found = sources(dir);
    const en = found.get('en')!.locale!;
    const fr = found.get('fr')!.locale!;
    const po = await exportLocale(fr, en, 'po');
    const untouched = await importEntries(fr, en, readPo(po, 'fr.po').entries, 'fr.po');
    expect(untouched.skipped).toEqual([{ key: 'private-areas:ask_for_manager', why: 'fuzzy' }]);
    expect(untouched.written).toEqual([]);
    // The translator redrafts and clears the fuzzy mark, as Poedit does.
    const redrafted = po.replace(
      /#, fuzzy\n#\| msgid ".*"\n(msgctxt "private-areas:ask_for_manager"\nmsgid ".*"\nmsgstr )".*"/,
      '$1"Demandez le responsable de service."',
    );
    const result = await importEntries(fr, en, readPo(redrafted, 'fr.po').entries, 'fr.po', readPo(redrafted, 'fr.po').date);
    expect(result.changed.map((change) => change.key)).toEqual(['private-areas:ask_for_manager']);
    expect(result.confirmed).toEqual(['private-areas:ask_for_manager']);
    found = sources(dir);
    expect(checkLocales(found, ['fr'], fontSet())[0]!.stale).toBe(0);
    expect(readFileSync(join(dir, 'fr', 'translated-from.yaml'), 'utf8')).toContain(`"english":${JSON.stringify(NEW)}`);
  });

  it('is cleared by locales confirm for the keys named, and only those', async () => {
    const dir = withChangedEnglish();
    const found = sources(dir);
    const result = await confirmStrings(found.get('ko')!.locale!, found.get('en')!.locale!, ['private-areas:ask_for_manager']);
    expect(result.confirmed).toEqual(['private-areas:ask_for_manager']);
    const after = checkLocales(sources(dir), ['ko', 'ru'], fontSet());
    expect(after.map((report) => report.stale)).toEqual([0, 1]);
    const unknown = await confirmStrings(found.get('ru')!.locale!, found.get('en')!.locale!, ['private-areas:nope']);
    expect(unknown.problems).toEqual([expect.objectContaining({ field: 'private-areas:nope' })]);
  });
});

describe('importing a file older than the last import of a key', () => {
  it('refuses the entries that would undo newer work, and imports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-older-'));
    cpSync('locales', dir, { recursive: true });
    let found = sources(dir);
    const en = found.get('en')!.locale!;
    const exported = await exportLocale(found.get('es')!.locale!, en, 'po');
    const saved = (po: string, date: string): string => po.replace(/PO-Revision-Date: [^\\]*/, `PO-Revision-Date: ${date}`);
    const newer = saved(exported.replace('msgstr "Solo empleados"', 'msgstr "Solo personal"'), '2026-12-01 10:00+0000');
    const older = saved(
      exported.replace('msgstr "Solo empleados"', 'msgstr "Solo el personal"').replace('msgstr "Área privada"', 'msgstr "Zona privada"'),
      '2026-11-30 09:00+0000',
    );
    const first = await importEntries(
      found.get('es')!.locale!,
      en,
      readPo(newer, 'new.po').entries,
      'new.po',
      readPo(newer, 'new.po').date,
    );
    expect(first.changed).toHaveLength(1);
    found = sources(dir);
    const second = await importEntries(
      found.get('es')!.locale!,
      en,
      readPo(older, 'old.po').entries,
      'old.po',
      readPo(older, 'old.po').date,
    );
    expect(second.refused).toEqual([
      expect.objectContaining({
        field: 'private-areas:subtitle',
        message: expect.stringMatching(/saved 2026-11-30T09:00:00.000Z, before the last import/),
      }),
    ]);
    // A key never imported from a dated file is not held back.
    expect(second.changed.map((change) => change.key)).toEqual(['private-areas:title']);
    // An export made after the import carries its date (or a later import's), so editing it is never "older".
    const again = await exportLocale(sources(dir).get('es')!.locale!, en, 'xliff');
    expect(Date.parse((await readXliff(again, 'es.xlf')).date!)).toBeGreaterThanOrEqual(Date.parse('2026-12-01T10:00:00.000Z'));
  });
});
