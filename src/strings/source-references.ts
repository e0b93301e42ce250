import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILTIN_LOCALES, BUILTIN_TEMPLATES } from '../paths.js';
import type { Locale } from './locale.js';
import { keyLocation } from './locale-check.js';

const root = join(BUILTIN_TEMPLATES, '..');

let usages: Map<string, string[]> | undefined;

/** Where the built-in templates print each key ("templates/private-areas/template.hbs:12"), read once. */
function templateUsages(): Map<string, string[]> {
  if (usages) return usages;
  usages = new Map();
  let names: string[] = [];
  try {
    names = readdirSync(BUILTIN_TEMPLATES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return usages;
  }
  for (const name of names) {
    const file = join(BUILTIN_TEMPLATES, name, 'template.hbs');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    text.split('\n').forEach((line, index) => {
      for (const match of line.matchAll(/\{\{~?\s*t\s+["']([^"']+)["']/g)) {
        const list = usages!.get(match[1]!) ?? [];
        const where = `${relative(root, file)}:${index + 1}`;
        if (!list.includes(where)) list.push(where);
        usages!.set(match[1]!, list);
      }
    });
  }
  return usages;
}

/**
 * gettext source references for a key: where English defines it
 * (locales/en/<namespace>.json:<line>) and where each built-in template
 * prints it. Poedit and Weblate show them; the key itself is the msgctxt.
 */
export function sourceReferences(master: Locale, key: string, base = key): string[] {
  const at = keyLocation(master, key);
  const definition = `${relative(join(BUILTIN_LOCALES, '..'), at.file ?? master.dir)}${at.line !== undefined ? `:${at.line}` : ''}`;
  return [definition, ...(templateUsages().get(base) ?? [])];
}
