/**
 * The glossary data this branch ships (locales/<lng>/glossary.yaml): every
 * locale names its term for each legal term, and every translated string
 * whose English holds an English form holds the locale's term. The checker
 * that `placard locales check` runs lives in src/strings; this test only
 * keeps the shipped data and the shipped translations in step.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = new URL('../../locales/', import.meta.url);
const TERMS = ['judicial_warrant', 'administrative_warrant', 'judge', 'non_public_area', 'civil_immigration_enforcement', 'consent'];
/** The namespaces this branch wrote; others (such as the home notice) bring their own strings. */
const NAMESPACES = ['common', 'private-areas', 'property-use', 'public-property', 'report-link', 'rights-cards', 'staff-only', 'staff-sheet', 'vocabulary'];

const codes = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const glossary = (code: string) => parse(readFileSync(new URL(`${code}/glossary.yaml`, ROOT), 'utf8')) as Record<string, string | string[]>;
const strings = (code: string, namespace: string) =>
  JSON.parse(readFileSync(new URL(`${code}/${namespace}.json`, ROOT), 'utf8')) as Record<string, string>;
const forms = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
const folded = (text: string) => text.normalize('NFC').toLocaleLowerCase();
const holds = (text: string, value: string | string[]) => forms(value).some((form) => folded(text).includes(folded(form)));

describe('the glossaries', () => {
  it('exist for every locale, with exactly the six term ids and no empty form', () => {
    expect(codes.length).toBeGreaterThanOrEqual(20);
    for (const code of codes) {
      const terms = glossary(code);
      expect(Object.keys(terms).sort(), code).toEqual([...TERMS].sort());
      for (const value of Object.values(terms)) for (const form of forms(value)) expect(form.trim(), code).not.toBe('');
    }
  });

  it('list English forms that the English strings use', () => {
    const english = glossary('en');
    const text = NAMESPACES.flatMap((namespace) => Object.values(strings('en', namespace))).join('\n');
    for (const term of TERMS) expect(holds(text, english[term]!), term).toBe(true);
  });

  describe.each(codes.filter((code) => code !== 'en'))('%s', (code) => {
    it("uses its term wherever the English uses the English one", () => {
      const english = glossary('en');
      const local = glossary(code);
      const missing: string[] = [];
      for (const namespace of NAMESPACES) {
        if (!existsSync(new URL(`${code}/${namespace}.json`, ROOT))) continue;
        const source = strings('en', namespace);
        const target = strings(code, namespace);
        for (const [key, text] of Object.entries(source)) {
          for (const term of TERMS) {
            if (holds(text, english[term]!) && !holds(target[key] ?? '', local[term]!)) missing.push(`${namespace}:${key} lacks ${term}`);
          }
        }
      }
      expect(missing).toEqual([]);
    });
  });
});
