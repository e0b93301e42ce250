import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { UsageError } from '../errors.js';
import { writeSafely } from '../write/safe-output.js';
import type { Locale } from './locale.js';
import type { StringTree } from './locale-file.js';
import { cldrPluralCategories } from './locale-check.js';
import type { LocaleMeta } from './locale-meta.js';
import { writeTranslatedFrom } from './translated-from.js';
import { PLURAL_KEY } from './plural-forms.js';

/** Bundled font families by ISO 15924 script; Noto Sans also draws digits and punctuation. */
const SCRIPT_FONTS: Readonly<Record<string, readonly string[]>> = {
  Latn: ['Noto Sans'],
  Cyrl: ['Noto Sans'],
  Grek: ['Noto Sans'],
  Arab: ['Noto Sans Arabic', 'Noto Sans'],
  Hans: ['Noto Sans SC', 'Noto Sans'],
  Hant: ['Noto Sans TC', 'Noto Sans'],
  Kore: ['Noto Sans KR', 'Noto Sans'],
  Deva: ['Noto Sans Devanagari', 'Noto Sans'],
  Beng: ['Noto Sans Bengali', 'Noto Sans'],
  Guru: ['Noto Sans Gurmukhi', 'Noto Sans'],
  Ethi: ['Noto Sans Ethiopic', 'Noto Sans'],
  Mymr: ['Noto Sans Myanmar', 'Noto Sans'],
};

const englishNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A well-formed BCP 47 tag for a language CLDR knows, in canonical case, or a usage error saying why not. */
export function canonicalTag(tag: string): string {
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag.trim().replaceAll('_', '-'))[0]!;
  } catch {
    throw new UsageError(
      `"${tag}" is not a BCP 47 language tag; expected a language code with optional script and region, like "de", "pt-BR" or "sr-Latn"`,
    );
  }
  const language = new Intl.Locale(canonical).language;
  if (language === undefined || language === 'und' || canonical.split('-')[0]!.toLowerCase() === 'und') {
    throw new UsageError(
      `"${tag}" is the tag for an undetermined language; give the language's own code, like "de" (German) or "hmn" (Hmong)`,
    );
  }
  let name: string | undefined;
  try {
    name = englishNames.of(language);
  } catch {
    name = undefined;
  }
  if (name === undefined) {
    throw new UsageError(`"${language}" is not a language CLDR knows; use an ISO 639 code, like "de" (German) or "hmn" (Hmong)`);
  }
  return canonical;
}

export interface Scaffold {
  readonly code: string;
  readonly dir: string;
  readonly files: readonly string[];
}

/**
 * Writes a new draft locale beside the user's others: meta.yaml from CLDR
 * (own name, script, direction) and every English namespace with the same
 * keys and empty strings (plural keys in the language's CLDR forms).
 */
export async function scaffoldLocale(tag: string, parent: string, master: Locale, today: Date): Promise<Scaffold> {
  const code = canonicalTag(tag);
  if (code === 'en') {
    throw new UsageError(
      'en is the English master every translation is made from; a new "en" would replace it. To change English, edit locales/en; for a regional English, use a tag like en-GB',
    );
  }
  if (existsSync(parent) && !statSync(parent).isDirectory()) {
    throw new UsageError(`--dir ${parent}: is a file; expected a folder to hold locale folders (it is created when missing)`);
  }
  const dir = join(parent, code);
  if (existsSync(dir)) throw new UsageError(`${dir} already exists; edit it, or choose another folder with --dir`);
  const locale = new Intl.Locale(code);
  const likely = locale.maximize();
  const script = likely.script ?? 'Latn';
  const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'code' }).of(code) ?? code;
  const meta: LocaleMeta = {
    name: own.charAt(0).toLocaleUpperCase(code) + own.slice(1),
    english_name: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }).of(code) ?? code,
    script,
    dir: textDirection(likely),
    status: 'draft',
    translators: ['(your name)'],
    reviewers: [],
    date: today.toISOString().slice(0, 10),
    fonts: [...(SCRIPT_FONTS[script] ?? ['Noto Sans'])],
  };
  const files: string[] = [];
  try {
    // Making the locale's folder is what this command is for (the user's --dir is created too).
    mkdirSync(dir, { recursive: true });
    await writeFiles(dir, code, meta, master, files);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC', 'EEXIST', 'EDQUOT'].includes(code)) {
      throw new UsageError(`--dir ${parent}: cannot write ${dir} (${code}: ${(error as Error).message}); choose a folder you can write to`);
    }
    throw error;
  }
  return { code, dir, files };
}

async function writeFiles(dir: string, code: string, meta: LocaleMeta, master: Locale, files: string[]): Promise<void> {
  const write = async (name: string, text: string): Promise<void> => {
    await writeSafely(join(dir, name), new TextEncoder().encode(text));
    files.push(join(dir, name));
  };
  await write('meta.yaml', `# A draft until a fluent reviewer signs it off: see locales/README.md.\n${YAML.stringify(meta)}`);
  const forms = cldrPluralCategories(code);
  for (const [namespace, strings] of Object.entries(master.namespaces)) {
    await write(`${namespace}.json`, stringsJson(emptied(strings, forms)));
  }
  // Nothing is translated yet; imports and "locales confirm" record what each string is made from.
  files.push(await writeTranslatedFrom(dir, {}));
}

/** The one way locale JSON is written: two-space indent, a final newline (as shipped). */
export function stringsJson(tree: StringTree): string {
  return `${JSON.stringify(tree, null, 2)}\n`;
}

function emptied(tree: StringTree, forms: readonly string[]): StringTree {
  const out: Record<string, string | StringTree> = {};
  const keys = Object.keys(tree);
  for (const key of keys) {
    const value = tree[key]!;
    const base = PLURAL_KEY.exec(key)?.[1];
    if (typeof value !== 'string') out[key] = emptied(value, forms);
    else if (base !== undefined && keys.includes(`${base}_other`)) for (const form of forms) out[`${base}_${form}`] = '';
    else out[key] = '';
  }
  return out;
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

function textDirection(locale: Intl.Locale): 'ltr' | 'rtl' {
  const info = (locale as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
  if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  return RTL_SCRIPTS.has(locale.script ?? '') ? 'rtl' : 'ltr';
}
