import { join } from 'node:path';
import type { Problem } from '../errors.js';
import type { Locale } from './locale.js';
import { flattenStrings, keyLocation } from './locale-check.js';
import { englishSource } from './locale-confirm.js';
import { readOptionalLocaleYaml, yamlPosition, type Parsed } from './locale-file.js';

/** A locale's glossary: term id → the accepted forms (glossary.yaml; a string or a list). */
export type { Glossary } from './locale.js';
import type { Glossary } from './locale.js';

export const GLOSSARY_FILE = 'glossary.yaml';

/** Reads a locale's glossary.yaml; undefined when the locale has none. */
export function readGlossary(dir: string): Parsed<Glossary | undefined> {
  const read = readOptionalLocaleYaml(dir, GLOSSARY_FILE);
  if (!read.ok) return read;
  if (read.value === undefined) return { ok: true, value: undefined };
  const { file, text, value, doc } = read.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: [{ file, message: 'expected a mapping of term ids to forms, like "judicial_warrant: orden judicial"' }] };
  }
  const glossary: Record<string, string[]> = {};
  const problems: Problem[] = [];
  for (const [id, forms] of Object.entries(value as Record<string, unknown>)) {
    const list = typeof forms === 'string' ? [forms] : forms;
    if (!Array.isArray(list) || list.length === 0 || !list.every((form) => typeof form === 'string' && form.trim() !== '')) {
      problems.push({ file, ...yamlPosition(doc, text, [id]), field: id, message: 'expected a form as text, or a list of forms' });
      continue;
    }
    glossary[id] = (list as string[]).map((form) => form.trim().normalize('NFC'));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: glossary };
}

const folded = (text: string, code: string): string => text.normalize('NFC').toLocaleLowerCase(code);

/** Whether English text uses an English form: case-insensitive, not inside a longer word. */
function usesEnglish(text: string, form: string): boolean {
  const escaped = folded(form, 'en').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(folded(text, 'en'));
}

/**
 * The glossary check: a translated string whose English uses a term's
 * English form must use one of the locale's forms of that term (without
 * regard to case; inflected forms are listed in glossary.yaml, and scripts
 * without spaces are matched inside words). A locale without glossary.yaml
 * is skipped with a warning.
 */
export function checkGlossary(locale: Locale, master: Locale): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const file = join(locale.dir, GLOSSARY_FILE);
  if (!master.glossary) return { errors, warnings };
  if (!locale.glossary) {
    warnings.push({ file, message: `is missing, so the legal terms are not checked; add one (see locales/README.md, "Glossary")` });
    return { errors, warnings };
  }
  const english = flattenStrings(master);
  for (const id of Object.keys(master.glossary)) {
    if (!locale.glossary[id]) warnings.push({ file, field: id, message: `has no ${locale.code} form for this term, so it is not checked` });
  }
  for (const [key, text] of flattenStrings(locale)) {
    const source = englishSource(english, key);
    if (source === undefined || text.trim() === '') continue;
    for (const [id, englishForms] of Object.entries(master.glossary)) {
      const forms = locale.glossary[id];
      if (!forms || !englishForms.some((form) => usesEnglish(source, form))) continue;
      if (forms.some((form) => folded(text, locale.code).includes(folded(form, locale.code)))) continue;
      errors.push({
        ...keyLocation(locale, key),
        field: key,
        key,
        value: text,
        message: `the English says "${englishForms.find((form) => usesEnglish(source, form))}" but this does not use the glossary's ${locale.code} term (${forms.map((form) => `"${form}"`).join(' or ')}); use it, or add the form you need to ${GLOSSARY_FILE} (${id})`,
      });
    }
  }
  return { errors, warnings };
}

/** The glossary as TBX (ISO 30042 TBX-Basic): one termEntry per term, English and the locale's forms. */
export function glossaryTbx(locale: Locale, master: Locale): string {
  const xml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const langSet = (code: string, forms: readonly string[]): string[] => [
    `        <langSet xml:lang="${xml(code)}">`,
    ...forms.map((form) => `          <tig><term>${xml(form)}</term></tig>`),
    '        </langSet>',
  ];
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<martif type="TBX-Basic" xml:lang="en">',
    '  <martifHeader>',
    '    <fileDesc>',
    `      <sourceDesc><p>placard legal terms, English and ${xml(locale.meta.english_name)} (${xml(locale.code)}): use these terms every time</p></sourceDesc>`,
    '    </fileDesc>',
    '  </martifHeader>',
    '  <text>',
    '    <body>',
  ];
  for (const [id, english] of Object.entries(master.glossary ?? {})) {
    out.push(
      `      <termEntry id="${xml(id)}">`,
      ...langSet('en', english),
      ...langSet(locale.code, locale.glossary?.[id] ?? []),
      '      </termEntry>',
    );
  }
  out.push('    </body>', '  </text>', '</martif>', '');
  return out.join('\n');
}

/** The glossary as CSV for Weblate's glossary upload: source, target, context (the term id), and the other accepted forms. */
export function glossaryCsv(locale: Locale, master: Locale): string {
  const cell = (value: string): string => `"${value.replace(/"/g, '""')}"`;
  const rows = [['source', 'target', 'context', 'developer_comments']];
  for (const [id, english] of Object.entries(master.glossary ?? {})) {
    const forms = locale.glossary?.[id] ?? [];
    const others = [...english.slice(1), ...forms.slice(1)];
    rows.push([english[0]!, forms[0] ?? '', id, others.length > 0 ? `Also accepted: ${others.join('; ')}` : '']);
  }
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
