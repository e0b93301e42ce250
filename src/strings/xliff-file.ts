import { SaxesParser } from 'saxes';
import { UsageError } from '../errors.js';
import type { Locale } from './locale.js';
import type { TranslationEntry, TranslationFile } from './translation-entries.js';

/**
 * An XLIFF 1.2 file for a locale (the version Poedit, Weblate, OmegaT,
 * memoQ and translate-toolkit all open): one <file> per namespace, one
 * <trans-unit> per key whose id is the full "namespace:key" (unique across
 * the document, so tools that flatten files keep the keys apart), English
 * as <source>, the translation as <target> with its state (final, or
 * needs-review-translation for a stale one, whose unit is approved="no"),
 * placeholders as inline <ph> with equiv-text so CAT tools protect them, and
 * the translator note as <note>. Written here rather than through the xliff
 * package, which can write neither a target's state nor inline elements
 * with equiv-text.
 */
export function writeXliff(locale: Locale, master: Locale, entries: readonly TranslationEntry[], date?: string): string {
  const files = new Map<string, TranslationEntry[]>();
  for (const entry of entries) {
    const [namespace] = splitKey(entry.key);
    files.set(namespace, [...(files.get(namespace) ?? []), entry]);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'];
  for (const [namespace, units] of files) {
    out.push(
      `  <file original="${attr(namespace)}" datatype="plaintext" source-language="en" target-language="${attr(locale.code)}"${date ? ` date="${attr(date)}"` : ''}>`,
      '    <body>',
    );
    for (const entry of units) {
      const [, key] = splitKey(entry.key);
      const preserve = [entry.source, entry.target].some((text) => /^\s|\s$/.test(text)) ? ' xml:space="preserve"' : '';
      const translated = entry.target !== '';
      const approved = translated ? ` approved="${entry.state === 'final' ? 'yes' : 'no'}"` : '';
      out.push(`      <trans-unit id="${attr(entry.key)}" resname="${attr(key)}"${approved}${preserve}>`);
      out.push(`        <source>${inline(entry.source)}</source>`);
      if (translated) {
        const state = entry.state === 'final' ? 'final' : 'needs-review-translation';
        out.push(`        <target state="${state}">${inline(entry.target)}</target>`);
      }
      if (entry.note) out.push(`        <note from="developer">${text(entry.note)}</note>`);
      if (entry.previous !== undefined) {
        out.push(`        <note from="placard">English changed since this was translated. It was: ${text(entry.previous)}</note>`);
      }
      out.push('      </trans-unit>');
    }
    out.push('    </body>', '  </file>');
  }
  out.push('</xliff>', '');
  return out.join('\n');
}

const text = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (value: string): string => text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/**
 * Text with each {{placeholder}} as <ph id="…" equiv-text="{{…}}">{{…}}</ph>:
 * CAT tools protect it, and tools that flatten inline codes to text
 * (translate-toolkit's xliff2po drops an <x/>'s equiv-text) keep the
 * placeholder. Ids count within the string.
 */
function inline(value: string): string {
  let index = 0;
  return value
    .split(/(\{\{[^}]*\}\})/)
    .map((part, at) => (at % 2 === 1 ? `<ph id="${++index}" ctype="x-i18next" equiv-text="${attr(part)}">${text(part)}</ph>` : text(part)))
    .join('');
}

/**
 * Reads an XLIFF 1.2 file's entries with a strict XML parser (saxes). A
 * unit's key is its id when that is a full "namespace:key" (as placard
 * writes), else the <file original> and the ids of its groups and unit
 * (as older placard files and other tools write). Inline placeholders read
 * back as the text they stand for: <x/> by its equiv-text, <ph> by its
 * content. A unit with approved="no" or a target whose state is "new" or
 * "needs-…" (Poedit's and Weblate's "needs work") counts as fuzzy, and one
 * without a target as untranslated: neither is final.
 */
export async function readXliff(text: string, file: string): Promise<TranslationFile> {
  const parser = new SaxesParser({ position: true });
  const entries: TranslationEntry[] = [];
  const path: { name: string; id?: string }[] = [];
  let original = '';
  let language: string | undefined;
  let date: string | undefined;
  let sawXliff = false;
  let unit:
    | { id: string; approved?: string; header: boolean; line: number; source: string; target?: string; state?: string; refs: string[] }
    | undefined;
  let into: 'source' | 'target' | undefined;
  let context: { type: string; text: string } | undefined;
  let depth = 0;
  const fail = (why: string): never => {
    throw new UsageError(`${file}: not a valid XLIFF 1.2 file: ${why}`);
  };
  parser.on('opentag', (tag) => {
    const attribute = (name: string): string | undefined => {
      const value = tag.attributes[name];
      return typeof value === 'string' ? value : undefined;
    };
    if (path.length === 0 && tag.name !== 'xliff') fail(`expected <xliff version="1.2">, found <${tag.name}>`);
    if (tag.name === 'xliff') sawXliff = true;
    path.push({ name: tag.name, ...(attribute('id') !== undefined ? { id: attribute('id')! } : {}) });
    if (into) {
      depth++;
      const equiv = tag.name === 'x' || tag.name === 'bx' || tag.name === 'ex' ? attribute('equiv-text') : undefined;
      if (equiv !== undefined) unit![into] = (unit![into] ?? '') + equiv;
      return;
    }
    if (tag.name === 'file') {
      original = attribute('original') ?? '';
      language = attribute('target-language') ?? language;
      date = attribute('date') ?? date;
    } else if (tag.name === 'trans-unit') {
      const id = attribute('id');
      if (!id) fail(`a <trans-unit> at line ${parser.line} has no id`);
      unit = {
        id: id!,
        header: attribute('restype') === 'x-gettext-domain-header',
        line: parser.line,
        source: '',
        refs: [],
        ...(attribute('approved') ? { approved: attribute('approved')! } : {}),
      };
    } else if (unit && tag.name === 'context') {
      context = { type: attribute('context-type') ?? '', text: '' };
    } else if (unit && (tag.name === 'source' || tag.name === 'target')) {
      into = tag.name;
      depth = 0;
      if (tag.name === 'target') {
        unit.target = '';
        if (attribute('state')) unit.state = attribute('state')!;
      }
    }
  });
  parser.on('text', (value) => {
    if (unit && into) unit[into] = (unit[into] ?? '') + value;
    if (context) context.text += value;
  });
  parser.on('cdata', (value) => {
    if (unit && into) unit[into] = (unit[into] ?? '') + value;
  });
  parser.on('closetag', (tag) => {
    path.pop();
    if (into) {
      if (depth > 0) depth--;
      else into = undefined;
      return;
    }
    if (tag.name === 'context' && unit && context) {
      // translate-toolkit's po2xliff keeps a PO reference "ns:key" as sourcefile "ns" and linenumber "key".
      if (context.type === 'sourcefile') unit.refs.push(context.text);
      else if (context.type === 'linenumber' && unit.refs.length > 0) unit.refs.push(`${unit.refs.pop()!}:${context.text}`);
      context = undefined;
    }
    if (tag.name === 'trans-unit' && unit?.header) unit = undefined;
    if (tag.name === 'trans-unit' && unit) {
      const groups = path.filter((element) => element.name === 'group').map((element) => element.id ?? '');
      const byReference = unit.refs.find((reference) => /^[\w-]+:[A-Za-z_][\w.-]*$/.test(reference));
      const key = unit.id.includes(':') ? unit.id : (byReference ?? `${original}:${[...groups, unit.id].join('.')}`);
      const target = unit.target ?? '';
      const state = unit.state ?? '';
      const fuzzy = unit.approved === 'no' || state === 'new' || state.startsWith('needs-');
      entries.push({
        key,
        source: unit.source,
        target,
        state: target === '' ? 'untranslated' : fuzzy ? 'fuzzy' : 'final',
        line: unit.line,
      });
      unit = undefined;
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    fail((error as Error).message.split('\n')[0]!);
  }
  if (!sawXliff) fail('no <xliff> element');
  return { ...(language ? { language } : {}), ...(date ? { date } : {}), entries };
}

function splitKey(key: string): [namespace: string, key: string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}
