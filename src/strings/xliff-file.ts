import jsToXliff12 from 'xliff/jsToXliff12';
import xliff12ToJs, { type XliffJs, type XliffUnit } from 'xliff/xliff12ToJs';
import { SaxesParser } from 'saxes';
import { UsageError } from '../errors.js';
import type { Locale } from './locale-catalog.js';
import type { TranslationEntry, TranslationFile } from './translation-entries.js';

/**
 * An XLIFF 1.2 file for a locale (the version Poedit, Weblate, OmegaT and
 * memoQ all open): one <file> per namespace, one <trans-unit> per key,
 * English as <source>, the translation as <target> (left out when
 * untranslated), and the translator note as <note>.
 */
export async function writeXliff(locale: Locale, entries: readonly TranslationEntry[]): Promise<string> {
  const resources: Record<string, Record<string, XliffUnit>> = {};
  for (const entry of entries) {
    const [namespace, key] = splitKey(entry.key);
    resources[namespace] ??= {};
    resources[namespace][key] = {
      source: entry.source,
      ...(entry.target !== '' ? { target: entry.target } : {}),
      ...(entry.note ? { note: entry.note } : {}),
      // Tools may trim a list separator's spaces unless told not to.
      ...([entry.source, entry.target].some((text) => /^\s|\s$/.test(text)) ? { additionalAttributes: { 'xml:space': 'preserve' } } : {}),
    };
  }
  const xml = await jsToXliff12({ sourceLanguage: 'en', targetLanguage: locale.code, resources }, { indent: '  ' });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}

/**
 * Reads an XLIFF 1.2 file's entries. A unit with approved="no" or a target
 * whose state is "new" or "needs-…" (Poedit's and Weblate's "needs work")
 * counts as fuzzy, and one without a target as untranslated: neither is
 * final.
 */
export async function readXliff(text: string, file: string): Promise<TranslationFile> {
  let js: XliffJs;
  try {
    js = await xliff12ToJs(text);
  } catch (error) {
    // The xliff package fails on some malformed files with a TypeError of its own; that says nothing to a translator.
    const why =
      error instanceof TypeError
        ? 'expected <xliff version="1.2"> holding <file> elements with <trans-unit>s'
        : (error as Error).message.split('\n')[0];
    throw new UsageError(`${file}: not a valid XLIFF 1.2 file: ${why}`);
  }
  if (!js || typeof js !== 'object' || !js.resources) throw new UsageError(`${file}: not a valid XLIFF 1.2 file: no <xliff> element`);
  const states = targetStates(text);
  const entries: TranslationEntry[] = [];
  const walk = (namespace: string, prefix: string, units: Record<string, XliffUnit>): void => {
    for (const [id, unit] of Object.entries(units)) {
      if (unit.groupUnits) {
        walk(namespace, `${prefix}${id}.`, unit.groupUnits);
        continue;
      }
      const target = typeof unit.target === 'string' ? unit.target : '';
      const state = states.get(`${namespace}\u0000${prefix}${id}`) ?? '';
      const fuzzy = unit.additionalAttributes?.approved === 'no' || state === 'new' || state.startsWith('needs-');
      entries.push({
        key: `${namespace}:${prefix}${id}`,
        source: typeof unit.source === 'string' ? unit.source : '',
        target,
        state: target === '' ? 'untranslated' : fuzzy ? 'fuzzy' : 'final',
      });
    }
  };
  for (const [namespace, units] of Object.entries(js.resources)) walk(namespace, '', units);
  return { ...(js.targetLanguage ? { language: js.targetLanguage } : {}), entries };
}

/**
 * The `state` of each <target>, by file and unit id: the xliff package
 * drops target attributes (locize/xliff#51), so a second, strict pass with
 * saxes reads them.
 */
function targetStates(text: string): Map<string, string> {
  const states = new Map<string, string>();
  const parser = new SaxesParser();
  const path: { name: string; id?: string }[] = [];
  let file = '';
  parser.on('opentag', (tag) => {
    const attribute = (name: string): string | undefined => {
      const value = tag.attributes[name];
      return typeof value === 'string' ? value : undefined;
    };
    if (tag.name === 'file') file = attribute('original') ?? '';
    const id = attribute('id');
    path.push({ name: tag.name, ...(id !== undefined ? { id } : {}) });
    const state = attribute('state');
    if (tag.name === 'target' && state) {
      const ids = path.filter((element) => element.name === 'group' || element.name === 'trans-unit').map((element) => element.id ?? '');
      states.set(`${file}\u0000${ids.join('.')}`, state);
    }
  });
  parser.on('closetag', () => void path.pop());
  try {
    parser.write(text).close();
  } catch {
    // xliff12ToJs has already said whether the file is usable
  }
  return states;
}

function splitKey(key: string): [namespace: string, key: string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}
