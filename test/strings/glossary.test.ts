import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { fontSet } from '../../src/fonts/font-set.js';
import { checkLocales } from '../../src/checks/locale-report.js';
import { readLocaleSources } from '../../src/strings/locale-catalog.js';
import { glossaryCsv, glossaryTbx } from '../../src/strings/glossary.js';

/** en, es and fr copied to a user folder, with fixture glossaries for en and es (content writes the real ones). */
function withGlossaries(): string {
  const dir = mkdtempSync(join(tmpdir(), 'placard-glossary-'));
  for (const code of ['en', 'es', 'fr']) cpSync(join('locales', code), join(dir, code), { recursive: true });
  for (const code of ['en', 'es', 'fr']) rmSync(join(dir, code, 'glossary.yaml'), { force: true });
  writeFileSync(join(dir, 'en', 'glossary.yaml'), 'judicial_warrant: [judicial warrant, judicial warrants]\njudge: [judge, judges]\n');
  writeFileSync(join(dir, 'es', 'glossary.yaml'), 'judicial_warrant: orden judicial\njudge: [juez, jueza]\n');
  return dir;
}

const report = (dir: string, code: string) => checkLocales(readLocaleSources([dir]), [code], fontSet())[0]!;

describe('the glossary check', () => {
  it('passes a locale that uses its terms wherever English uses them', () => {
    const es = report(withGlossaries(), 'es');
    expect(es.errors).toEqual([]);
  });

  it('reports a string whose English has a term but whose translation lacks the locale term, with file and line', () => {
    const dir = withGlossaries();
    const file = join(dir, 'es', 'private-areas.json');
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(/una orden judicial firmada/i, 'un mandato firmado');
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    const es = report(dir, 'es');
    expect(es.errors).toEqual([
      expect.objectContaining({
        file,
        key: 'private-areas:warrant',
        line: expect.any(Number),
        message: expect.stringMatching(/English says "judicial warrant" but this does not use the glossary's es term \("orden judicial"\)/),
      }),
    ]);
  });

  it('skips a locale without glossary.yaml, with a warning', () => {
    const fr = report(withGlossaries(), 'fr');
    expect(fr.errors).toEqual([]);
    expect(fr.warnings).toContainEqual(
      expect.objectContaining({ file: expect.stringMatching(/fr\/glossary\.yaml$/), message: expect.stringMatching(/is missing/) }),
    );
  });

  it('exports TBX and CSV for translators', () => {
    const sources = readLocaleSources([withGlossaries()]);
    const en = sources.get('en')!.locale!;
    const es = sources.get('es')!.locale!;
    const tbx = glossaryTbx(es, en);
    const terms: string[] = [];
    let inTerm = false;
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => (inTerm = tag.name === 'term'));
    parser.on('text', (text) => inTerm && terms.push(text));
    parser.on('closetag', () => (inTerm = false));
    parser.write(tbx).close();
    expect(terms).toEqual(['judicial warrant', 'judicial warrants', 'orden judicial', 'judge', 'judges', 'juez', 'jueza']);
    expect(tbx).toContain('<termEntry id="judicial_warrant">');
    expect(glossaryCsv(es, en).split('\r\n')).toEqual([
      '"source","target","context","developer_comments"',
      '"judicial warrant","orden judicial","judicial_warrant","Also accepted: judicial warrants"',
      '"judge","juez","judge","Also accepted: judges; jueza"',
      '',
    ]);
  });
});
