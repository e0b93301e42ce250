import { z } from 'zod';
import type { Problem } from '../errors.js';
import { parseYamlFile, yamlPosition, type Parsed } from './locale-file.js';
import { plainYamlMapping } from './plain-yaml.js';
import { BUILT_IN_META } from './built-in-meta.js';

const people = z.array(z.string().trim().min(1, 'expected a name, found an empty entry'), {
  invalid_type_error: 'expected a list of names, like ["Ana Pérez"]',
});

/** meta.yaml beside each locale's strings. */
export const metaSchema = z
  .object({
    name: z.string().min(1),
    english_name: z.string().min(1),
    script: z.string().regex(/^[A-Z][a-z]{3}$/, 'expected an ISO 15924 script code, like Latn, Arab or Hans'),
    dir: z.enum(['ltr', 'rtl']),
    status: z.enum(['draft', 'reviewed']),
    translators: people.min(1, 'expected at least one translator'),
    reviewers: people.default([]),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like "2026-11-26" (in quotes)'),
    fonts: z.array(z.string().min(1)).min(1, 'expected the font families the locale needs, like ["Noto Sans"]'),
  })
  .strict()
  .superRefine((meta, ctx) => {
    if (meta.status === 'reviewed' && meta.reviewers.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reviewers'], message: 'a reviewed locale names at least one reviewer' });
    }
  });

export type LocaleMeta = z.infer<typeof metaSchema>;

/** Parses meta.yaml; every problem carries the file, the field and its line. */
export function parseMeta(text: string, file: string): Parsed<LocaleMeta> {
  const built = BUILT_IN_META.get(text);
  if (built !== undefined) return { ok: true, value: JSON.parse(built) as LocaleMeta };
  // Most meta.yaml files are plain enough to read without the YAML parser; a problem is always named by it.
  const plain = plainYamlMapping(text);
  const quick = plain ? metaSchema.safeParse(plain) : undefined;
  if (quick?.success) return { ok: true, value: quick.data };
  const parsed = parseYamlFile(text, file);
  if (!parsed.ok) return parsed;
  const { value, doc } = parsed.value;
  const result = metaSchema.safeParse(value ?? {});
  if (result.success) return { ok: true, value: result.data };
  const problems: Problem[] = result.error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [issue.keys[0]!] : issue.path;
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || '(top)';
    const message = metaMessage(issue);
    return { file, ...yamlPosition(doc, text, path), field, message };
  });
  return { ok: false, problems };
}

function metaMessage(issue: z.ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `is not a metadata field; known fields: ${Object.keys(metaSchema.innerType().shape).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is required and missing';
  if (issue.code === 'invalid_enum_value') return `expected ${issue.options.join(' or ')}, found "${String(issue.received)}"`;
  return issue.message;
}

/** Translator notes (locales/en/notes.yaml): "namespace:key" → a short note. Never loaded as strings. */
export function parseNotes(text: string, file: string): Parsed<Record<string, string>> {
  const parsed = parseYamlFile(text, file);
  if (!parsed.ok) return parsed;
  const { value, doc } = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problems: [{ file, message: 'expected a mapping of "namespace:key" to a note, like "common:not_advice: A short sentence…"' }],
    };
  }
  const problems: Problem[] = [];
  const notes: Record<string, string> = {};
  for (const [key, note] of Object.entries(value)) {
    if (typeof note === 'string' && note.trim() !== '') notes[key] = note.trim();
    else problems.push({ file, ...yamlPosition(doc, text, [key]), field: key, key: key, message: 'expected a note as text' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: notes };
}
