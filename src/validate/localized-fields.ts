import type { z } from 'zod';
import type { Problem } from '../errors.js';
import type { RawRecord } from '../contract/record.js';
import { matchLanguageWord, unknownLanguage } from '../read/language-names.js';
import { LOCALIZED_FIELDS } from '../contract/business-fields.js';
import type { FieldSpec, TemplateManifest } from '../templates/manifest.js';
import { specOf } from '../contract/business-fields.js';

export interface LocalizedFields {
  /** The raw keys that are per-language values, e.g. "contact_role.es-mx". */
  readonly keys: ReadonlySet<string>;
  /** Checked values under the known tag: { "contact_role.es": "Dueña" }. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly problems: readonly Problem[];
}

/**
 * Per-language business values: `contact_role.es` or `private_areas.es`
 * (a YAML key, a --set key or a CSV column) is checked like the field
 * itself and kept under the known tag, so the Spanish section prints it.
 */
export function validateLocalizedFields(
  raw: RawRecord,
  manifest: TemplateManifest,
  knownLanguages: readonly string[],
  schemaFor: (spec: FieldSpec, field: string) => z.ZodTypeAny,
): LocalizedFields {
  const keys = new Set<string>();
  const values: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const at = key.indexOf('.');
    if (at <= 0) continue;
    const field = key.slice(0, at);
    const spec = specOf(field, manifest.fields);
    if (!LOCALIZED_FIELDS.includes(field) || !spec) continue;
    keys.add(key);
    const tag = key.slice(at + 1);
    const matched = matchLanguageWord(tag, knownLanguages);
    const lang = 'code' in matched ? matched.code : undefined;
    if (!lang) {
      problems.push({
        field: key,
        message: unknownLanguage(tag, `write ${field}.<lng> with one of ${knownLanguages.join(', ')}`),
      });
      continue;
    }
    const parsed = schemaFor(spec, field).safeParse(typeof value === 'string' ? value.trim() : value);
    if (parsed.success) values[`${field}.${lang}`] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push({ field: key, value: String(value), message: issue.message });
  }
  return { keys, values, problems };
}
