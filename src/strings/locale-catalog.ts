import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { TemplateError } from '../errors.js';
import { BUILTIN_LOCALES } from '../paths.js';

const metaSchema = z.object({
  name: z.string().min(1),
  english_name: z.string().min(1),
  dir: z.enum(['ltr', 'rtl']),
  status: z.enum(['draft', 'reviewed']),
  translator: z.string().min(1),
  reviewer: z.string().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export type LocaleMeta = z.infer<typeof metaSchema>;

export interface Locale {
  readonly code: string;
  readonly meta: LocaleMeta;
  /** Namespace → i18next JSON v4 resources. */
  readonly namespaces: Readonly<Record<string, Record<string, unknown>>>;
}

let catalog: ReadonlyMap<string, Locale> | undefined;

/** Every locale folder under locales/, read once per process. */
export function locales(): ReadonlyMap<string, Locale> {
  catalog ??= readLocales(BUILTIN_LOCALES);
  return catalog;
}

export function readLocales(dir: string): Map<string, Locale> {
  const found = new Map<string, Locale>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !existsSync(join(dir, entry.name, 'meta.yaml'))) continue;
    found.set(entry.name, readLocale(join(dir, entry.name), entry.name));
  }
  return found;
}

function readLocale(dir: string, code: string): Locale {
  const metaFile = join(dir, 'meta.yaml');
  const meta = metaSchema.safeParse(YAML.parse(readFileSync(metaFile, 'utf8')));
  if (!meta.success) {
    const problems = meta.error.issues.map((issue) => `  ${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new TemplateError(`${metaFile} is not valid locale metadata:\n${problems.join('\n')}`);
  }
  const namespaces: Record<string, Record<string, unknown>> = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    namespaces[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  }
  return { code, meta: meta.data, namespaces };
}

/** The known tag a user's tag stands for: tags match without regard to case, and `_` may stand for `-`. */
export function matchLanguage(code: string, known: Iterable<string>): string | undefined {
  const wanted = code.trim().replaceAll('_', '-').toLowerCase();
  for (const candidate of known) if (candidate.toLowerCase() === wanted) return candidate;
  return undefined;
}

/** Known tags for the user's tags, each once, in the user's order; unknown tags are left out. */
export function matchLanguages(codes: readonly string[], known: Iterable<string>): string[] {
  const list = [...known];
  return [...new Set(codes.map((code) => matchLanguage(code, list)).filter((code): code is string => code !== undefined))];
}
