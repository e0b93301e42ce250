import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../helpers/pdf-reader.js';
import { placard as placardBin, placardIn as placard, tempDir } from './run-placard.js';

/** Fills every empty msgstr of a PO file the way a translator would in Poedit: here, from a table. */
function translate(po: string, table: Record<string, string>): string {
  return po.replace(
    /msgctxt "([^"]+)"\nmsgid "((?:[^"\\]|\\.)*)"\nmsgstr ""/g,
    (_, key: string, msgid: string) => `msgctxt "${key}"\nmsgid "${msgid}"\nmsgstr "${table[key] ?? msgid}"`,
  );
}

describe('a new translator, without opening JSON', () => {
  it('scaffolds a language in a folder of their own, exports it to PO, fills it in, imports it, checks it and renders it', async () => {
    const cwd = tempDir();
    const created = await placard(['locales', 'new', 'de', '--dir', 'mine'], { cwd });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain(join('mine', 'de', 'meta.yaml'));

    const unfinished = await placard(['locales', 'check', 'de', '--locales', 'mine'], { cwd });
    expect(unfinished.code).toBe(1);
    expect(unfinished.stderr).toMatch(/private-areas:title": is empty/);

    expect((await placard(['locales', 'export', 'de', '--locales', 'mine', '--format', 'po', '-o', 'de.po'], { cwd })).code).toBe(0);
    const po = readFileSync(join(cwd, 'de.po'), 'utf8');
    writeFileSync(join(cwd, 'de.po'), translate(po, { 'private-areas:title': 'Privater Bereich', 'common:list_separator': ', ' }));

    const imported = await placard(['locales', 'import', 'de.po', '--locales', 'mine'], { cwd });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('de private-areas:title: (new) → "Privater Bereich"');

    const unnamed = await placard(['locales', 'check', 'de', '--locales', 'mine'], { cwd });
    expect(unnamed.stderr).toMatch(/de\/meta\.yaml, field "translators", value "\(your name\)": still holds the placeholder/);
    expect(unnamed.code).toBe(1);
    const meta = join(cwd, 'mine', 'de', 'meta.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('(your name)', 'Ana Pérez'));

    const checked = await placard(['locales', 'check', 'de', '--locales', 'mine'], { cwd });
    expect(checked.stderr).not.toMatch(/is empty/);
    expect(checked.stderr).toMatch(/warning: .*private-areas:warrant.*same as English/);
    expect(checked.code).toBe(0);

    const listed = await placard(['locales', 'list', '--locales', 'mine'], { cwd });
    expect(listed.stdout.toString()).toMatch(/^de +Deutsch \(German\), Latn, ltr, draft/m);

    // The real bin, in a fresh process: this process has read the locale before it was filled in.
    const rendered = placardBin(
      ['render', 'private-areas', '--set', 'name=Bäckerei Müller', '--lang', 'en,de', '--locales', 'mine', '-o', 'de.pdf'],
      {
        cwd,
      },
    );
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(rendered.stderr).toMatch(/warning: the de \(Deutsch\) translation is a draft/);
    const { text } = await readPdf(new Uint8Array(readFileSync(join(cwd, 'de.pdf'))));
    expect(text).toContain('Privater Bereich');
    expect(text).toContain('Bäckerei Müller');
    // The real bin, in a fresh process: this process has read the locale before it was filled in.
    const refused = placardBin(
      ['render', 'private-areas', '--set', 'name=X', '--lang', 'de', '--locales', 'mine', '--require-reviewed', '-o', 'no.pdf'],
      {
        cwd,
      },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/draft and --require-reviewed is set/);
  });

  it('refuses draft translations in a batch with --require-reviewed, row by row', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'rows.csv'), 'name,languages\nOne,en\nTwo,"en,es"\n');
    const run = await placard(['batch', 'private-areas', '--data', 'rows.csv', '--out-dir', 'out', '--require-reviewed', '--quiet'], {
      cwd,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/row 3: field "languages", value "es": this translation is a draft and --require-reviewed is set/);
    expect(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8')).toContain('one-private-areas.pdf');
  });

  it('fails check on a missing key and a broken placeholder, naming both', async () => {
    const run = await placard(['locales', 'check', 'de', '--locales', 'test/fixtures/locales/check']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/de\/common\.json, key "common:separator": is missing/);
    expect(run.stderr).toMatch(
      /de\/common\.json, line 3, column 3, key "common:greeting", .*has placeholders \{\{nom\}\} but English has \{\{name\}\}/,
    );
  });

  // Lays out every string of every language, regular and bold (~6 s of CPU): the default 60 s ran out twice on a
  // machine shared by several suites (2026-12-02).
  it('passes every shipped locale', async () => {
    const run = await placard(['locales', 'check']);
    expect(run.stderr).not.toMatch(/warning|error/);
    expect(run.stderr).toMatch(/zh-Hant: ok \(draft/);
    expect(run.code).toBe(0);
  }, 300_000);

  it('exports to stdout and suggests a shipped language for an unknown tag', async () => {
    const po = await placard(['locales', 'export', 'es-MX', '--format', 'po', '-o', '-']);
    expect(po.code).toBe(0);
    expect(po.stdout.toString()).toContain('"Language: es\\n"');
    const unknown = await placard(['locales', 'export', 'pa-Arab', '--format', 'po', '-o', '-']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown language "pa-Arab"; did you mean "pa" \(Punjabi\)\?/);
    expect((await placard(['locales', 'new', 'qq'])).stderr).toMatch(/not a language CLDR knows/);
  });
});
