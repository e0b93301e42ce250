import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { localeCatalog, locales } from '../../src/strings/locale-catalog.js';
import { flattenStrings } from '../../src/strings/locale-check.js';
import { canonicalTag, scaffoldLocale } from '../../src/strings/locale-scaffold.js';
import { thrown } from '../helpers/thrown.js';

const english = locales().get('en')!;

describe('locales new', () => {
  it('writes a draft with English keys, empty strings and metadata from CLDR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-new-'));
    const scaffold = await scaffoldLocale('de_at', dir, english, new Date('2026-11-26T12:00:00Z'));
    expect(scaffold.code).toBe('de-AT');
    expect(readdirSync(join(dir, 'de-AT')).sort()).toEqual(
      ['meta.yaml', 'translated-from.yaml', ...Object.keys(english.namespaces).map((namespace) => `${namespace}.json`)].sort(),
    );
    const locale = localeCatalog([dir]).get('de-AT')!;
    expect(locale.meta).toMatchObject({
      name: 'Österreichisches Deutsch',
      english_name: 'Austrian German',
      script: 'Latn',
      dir: 'ltr',
      status: 'draft',
      date: '2026-11-26',
    });
    expect([...flattenStrings(locale).keys()]).toEqual([...flattenStrings(english).keys()]);
    expect([...flattenStrings(locale).values()].every((text) => text === '')).toBe(true);
  });

  it('gives right-to-left languages their direction and fonts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placard-new-'));
    await scaffoldLocale('ps', dir, english, new Date());
    expect(localeCatalog([dir]).get('ps')!.meta).toMatchObject({ dir: 'rtl', script: 'Arab', fonts: ['Noto Sans Arabic', 'Noto Sans'] });
  });

  it('refuses malformed tags, unknown languages and an existing folder', async () => {
    expect(thrown(UsageError, () => canonicalTag('x!')).message).toMatch(/not a BCP 47 language tag/);
    expect(thrown(UsageError, () => canonicalTag('qq')).message).toMatch(/not a language CLDR knows/);
    const dir = mkdtempSync(join(tmpdir(), 'placard-new-'));
    await scaffoldLocale('de', dir, english, new Date());
    await expect(scaffoldLocale('de', dir, english, new Date())).rejects.toThrow(/already exists/);
  });
});
