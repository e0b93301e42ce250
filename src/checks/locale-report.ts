import { join } from 'node:path';
import type { Problem } from '../errors.js';
import { bundledFaces } from '../fonts/bundled-fonts.js';
import { checkCoverage } from './font-coverage.js';
import type { FontLibrary } from '../fonts/font-set.js';
import type { Locale, LocaleSource } from '../strings/locale-catalog.js';
import { englishSource } from '../strings/locale-confirm.js';
import { checkGlossary } from '../strings/glossary.js';
import { staleStrings, TRANSLATED_FROM_FILE } from '../strings/translated-from.js';
import { checkLocale, flattenStrings, keyLocation, type Findings } from '../strings/locale-check.js';

/** One locale's result: its tag, status, and what was found. */
export interface LocaleReport extends Findings {
  readonly code: string;
  readonly status?: 'draft' | 'reviewed';
  /** How many translations were made from English that has changed since. */
  readonly stale: number;
}

/**
 * `locales check` for each chosen locale: malformed files, metadata,
 * strings against English, and characters the fonts cannot draw. A
 * locale marked reviewed that has errors gets one more error saying so.
 */
export function checkLocales(sources: ReadonlyMap<string, LocaleSource>, codes: readonly string[], fonts: FontLibrary): LocaleReport[] {
  const master = sources.get('en')?.locale;
  return codes.map((code) => {
    const source = sources.get(code)!;
    const errors: Problem[] = [...source.problems];
    const warnings: Problem[] = [];
    let stale = 0;
    const locale = source.locale;
    if (!master && code !== 'en')
      errors.push({ file: join(source.dir, '..', 'en'), message: 'the English master cannot be read; fix it first' });
    if (locale && (master || code === 'en')) {
      const found = checkLocale(locale, master ?? locale);
      errors.push(...found.errors);
      warnings.push(...found.warnings);
      if (master && code !== 'en') {
        const terms = checkGlossary(locale, master);
        errors.push(...terms.errors);
        warnings.push(...terms.warnings);
        const found = staleFindings(locale, master);
        stale = found.filter((problem) => problem.key !== undefined).length;
        warnings.push(...found);
      }
      checkScript(locale.code, locale.meta.script, join(locale.dir, 'meta.yaml'), warnings);
      const families = new Set<string>();
      for (const [key, text] of flattenStrings(locale)) {
        const coverage = checkCoverage([text], code, locale.meta.dir, fonts);
        coverage.families.forEach((family) => families.add(family));
        if (coverage.missing.length > 0) {
          errors.push({
            ...keyLocation(locale, key),
            field: key,
            key: key,
            message: `has characters no bundled font can draw: ${coverage.missing.join(', ')}; use other characters, or add a font with --font FILE when rendering`,
          });
        }
      }
      checkFonts(locale.meta.fonts, families, join(locale.dir, 'meta.yaml'), warnings);
    }
    const unnamed = locale?.meta.translators.findIndex((name) => /^\(.*\)$|^your name$/i.test(name.trim())) ?? -1;
    if (locale && unnamed >= 0) {
      errors.push({
        file: join(locale.dir, 'meta.yaml'),
        field: 'translators',
        value: locale.meta.translators[unnamed]!,
        message: 'still holds the placeholder "locales new" wrote; put the translator\'s real name (or organisation) there',
      });
    }
    const status = locale?.meta.status;
    if (status === 'reviewed' && errors.length > 0) {
      errors.push({
        file: join(source.dir, 'meta.yaml'),
        field: 'status',
        message:
          'is "reviewed" but the locale fails the check; fix the errors above, or set status: draft until a reviewer signs off again',
      });
    }
    return { code, ...(status ? { status } : {}), errors, warnings, stale };
  });
}

/** Translations made from English that has changed since, each with the file and line of the translation. */
export function staleFindings(locale: Locale, master: Locale): Problem[] {
  const english = flattenStrings(master);
  if (!locale.translatedFrom) {
    return [
      {
        file: join(locale.dir, TRANSLATED_FROM_FILE),
        message: `is missing, so placard cannot tell which translations are stale; once they are checked against today's English, run "placard locales confirm ${locale.code}"`,
      },
    ];
  }
  return staleStrings(flattenStrings(locale), (key) => englishSource(english, key), locale.translatedFrom).map(({ key, was, now }) => ({
    ...keyLocation(locale, key),
    field: key,
    key: key,
    message: `is stale: English changed from "${was}" to "${now}" since it was translated; redraft it, then run "placard locales confirm ${locale.code} --key ${key}" (or import it as final)`,
  }));
}

function checkScript(code: string, script: string, file: string, warnings: Problem[]): void {
  let likely: string | undefined;
  try {
    likely = new Intl.Locale(code).maximize().script;
  } catch {
    return;
  }
  if (likely && likely !== script && !(likely === 'Kore' && script === 'Hang')) {
    warnings.push({ file, field: 'script', value: script, message: `CLDR writes ${code} in ${likely}; check the script code` });
  }
}

function checkFonts(listed: readonly string[], used: ReadonlySet<string>, file: string, warnings: Problem[]): void {
  const bundled = new Set(bundledFaces().map((face) => face.family));
  for (const family of listed) {
    if (!bundled.has(family)) {
      warnings.push({
        file,
        field: 'fonts',
        value: family,
        message: `is not a bundled font (${[...bundled].join(', ')}); it must be given with --font FILE`,
      });
    }
  }
  const missing = [...used].filter((family) => !listed.includes(family));
  if (missing.length > 0) {
    warnings.push({
      file,
      field: 'fonts',
      message: `the strings are drawn with ${missing.join(', ')} too; add ${missing.length === 1 ? 'it' : 'them'} to fonts`,
    });
  }
}
