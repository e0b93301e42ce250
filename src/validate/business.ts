import { z } from 'zod';
import type { Problem } from '../errors.js';
import type { RawRecord } from '../contract/record.js';
import { checkLink } from '../contract/rights-links.js';
import { readLanguages, type KnownLanguages } from '../read/language-names.js';
import type { FieldSpec, TemplateManifest } from '../templates/manifest.js';
import { closest } from '../text-distance.js';
import { cut, graphemeLength, textProblem } from '../contract/text-hygiene.js';
import { BUSINESS_FIELDS, CONTRACT_FIELDS } from '../contract/business-fields.js';
import { validateLocalizedFields } from './localized-fields.js';
import { publicAreaProblem } from './public-areas.js';

export type Business = Readonly<Record<string, string | readonly string[] | undefined>> & {
  readonly name: string;
  readonly languages?: readonly string[];
  readonly rights_url?: string;
};

export type Validation = { ok: true; business: Business } | { ok: false; problems: Problem[] };

const asText = (value: unknown): unknown =>
  typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value === 'string' ? value.trim() : value;

/**
 * A list written as text: entries separated by ";" or line breaks. private_areas
 * (which `init` asks for with commas) also splits on commas when it has no ";",
 * so "Back room, Office" is two areas from YAML, --set and CSV alike.
 */
const asList =
  (field?: string) =>
  (value: unknown): unknown => {
    if (typeof value === 'string') {
      const separator = field === 'private_areas' && !/[;\n]/.test(value) ? ',' : /[;\n]/;
      return value
        .split(separator)
        .map((part) => part.trim())
        .filter((part) => part !== '');
    }
    if (Array.isArray(value)) return value.map((part) => (typeof part === 'string' ? part.trim() : part));
    return value;
  };

/** Nothing a reader could see: missing, blank, only invisible marks, or an empty list. */
const empty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && !VISIBLE.test(value)) ||
  (Array.isArray(value) && value.length === 0);

/** A character a reader could see: anything but white space and invisible marks. */
const VISIBLE = /[^\s\p{Default_Ignorable_Code_Point}]/u;

/** What is wrong with a text value, if anything: the one check of a text field (and of each entry of a list). */
function textIssue(value: string, spec: FieldSpec): string | undefined {
  const problem = textProblem(value);
  if (problem) return problem;
  // A value no longer than the limit in UTF-16 units is no longer in characters: only longer ones are segmented.
  if (value.length > spec.max && graphemeLength(value) > spec.max) return `expected at most ${spec.max} characters`;
  return undefined;
}

function textSchema(spec: FieldSpec) {
  return z.string({ invalid_type_error: 'expected text' }).superRefine((value, ctx) => {
    const issue = textIssue(value, spec);
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  });
}

export function fieldSchema(spec: FieldSpec, field?: string): z.ZodTypeAny {
  if (spec.type === 'link') return linkSchema;
  if (spec.type === 'list') {
    const entry = textSchema(spec).refine((value) => value !== '', 'has an empty entry');
    const items = z.array(
      field === 'private_areas'
        ? entry.superRefine((value, ctx) => {
            const problem = publicAreaProblem(value);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          })
        : entry,
      { invalid_type_error: 'expected a list (entries separated by ";")' },
    );
    return z.preprocess(asList(field), spec.max_items ? items.max(spec.max_items, `expected at most ${spec.max_items} entries`) : items);
  }
  return z.preprocess(asText, textSchema(spec));
}

/** Languages as people write them (codes, names, "English/Somali", "es; so"): see read/language-names.ts. */
function languagesSchema(known: KnownLanguages) {
  return z.preprocess(
    (value) => (typeof value === 'string' || Array.isArray(value) ? readLanguages(value as string | string[], known) : value),
    z
      .object(
        { codes: z.array(z.string()), problems: z.array(z.string()) },
        { invalid_type_error: 'expected a list of languages, like "en,es"' },
      )
      .superRefine(({ codes, problems }, ctx) => {
        for (const message of problems) ctx.addIssue({ code: 'custom', message });
        if (codes.length === 0 && problems.length === 0)
          ctx.addIssue({ code: 'custom', message: 'expected at least one language, like "en,es"' });
      })
      .transform(({ codes }) => codes),
  );
}

/** rights_url and report_url: the one link rule (contract/rights-links.ts checkLink). */
const linkSchema = z.preprocess(
  asText,
  z.string().superRefine((value, ctx) => {
    const checked = checkLink(value);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.reason });
  }),
);

/** A field's check: its schema, and for a plain text field or a list its spec, which checks a string without the schema. */
interface FieldCheck {
  readonly schema: z.ZodTypeAny;
  readonly text?: FieldSpec;
  readonly list?: FieldSpec;
}

/** What checking a record against one template and list of languages needs, worked out once. */
interface FieldChecks {
  /** The contract's fields and the template's own, in order (for messages). */
  readonly known: readonly string[];
  readonly knownSet: ReadonlySet<string>;
  /** The known languages' tags. */
  readonly codes: readonly string[];
  readonly fields: readonly (readonly [field: string, check: FieldCheck])[];
}

/** By template, then by the list of known languages (the same array, or one with the same languages). */
const schemas = new WeakMap<
  TemplateManifest,
  { readonly byList: WeakMap<KnownLanguages, FieldChecks>; readonly byKey: Map<string, FieldChecks> }
>();

/** One schema per field, built once per template and list of languages (a batch validates thousands of rows). */
function fieldSchemas(manifest: TemplateManifest, knownLanguages: KnownLanguages): FieldChecks {
  let cached = schemas.get(manifest);
  if (!cached) {
    cached = { byList: new WeakMap(), byKey: new Map() };
    schemas.set(manifest, cached);
  }
  const same = cached.byList.get(knownLanguages);
  if (same) return same;
  const key = knownLanguages.map((item) => (typeof item === 'string' ? item : `${item.code}=${item.name}=${item.english_name}`)).join(',');
  let checks = cached.byKey.get(key);
  if (!checks) {
    const shape: Record<string, FieldCheck> = {
      languages: { schema: languagesSchema(knownLanguages) },
      rights_url: { schema: linkSchema },
    };
    // Contract fields the template does not print are checked all the same (and kept), so a row is valid for every template or none.
    for (const [field, spec] of Object.entries({ ...CONTRACT_FIELDS, ...manifest.fields }))
      shape[field] = {
        schema: fieldSchema(spec, field),
        ...(spec.type === 'text' ? { text: spec } : spec.type === 'list' ? { list: spec } : {}),
      };
    const known = [...new Set([...BUSINESS_FIELDS, ...Object.keys(manifest.fields)])];
    const codes = knownLanguages.map((item) => (typeof item === 'string' ? item : item.code));
    checks = { known, knownSet: new Set(known), codes, fields: Object.entries(shape) };
    cached.byKey.set(key, checks);
  }
  cached.byList.set(knownLanguages, checks);
  return checks;
}

/**
 * A list given as text, when every entry passes: what its schema would give, without building a zod result;
 * undefined when an entry has a problem (the schema then says which).
 */
function plainList(value: string, field: string, spec: FieldSpec): string[] | undefined {
  const entries = asList(field)(value) as string[];
  if (spec.max_items && entries.length > spec.max_items) return undefined;
  for (const entry of entries) {
    if (textIssue(entry, spec) !== undefined || entry === '') return undefined;
    if (field === 'private_areas' && publicAreaProblem(entry) !== undefined) return undefined;
  }
  return entries;
}

/**
 * Checks one business record against the template's fields and collects
 * every problem (field, value, what was expected), never just the first.
 */
export function validateBusiness(raw: RawRecord, manifest: TemplateManifest, knownLanguages: KnownLanguages): Validation {
  const problems: Problem[] = [];
  // The contract's fields, and any a user's template declares for itself.
  const { known, knownSet, codes, fields } = fieldSchemas(manifest, knownLanguages);
  // Per-language values (contact_role.es) are checked apart: see localized-fields.ts.
  const localized = validateLocalizedFields(raw, manifest, codes, fieldSchema);
  problems.push(...localized.problems);
  for (const key of Object.keys(raw)) {
    if (knownSet.has(key) || localized.keys.has(key)) continue;
    const near = closest(key, known);
    problems.push({
      field: key,
      message: `is not a business field; ${near ? `did you mean "${near}"? ` : ''}known fields: ${known.join(', ')}`,
    });
  }
  const business: Record<string, unknown> = {};
  for (const [field, check] of fields) {
    const value = typeof raw[field] === 'string' ? (raw[field] as string).trim() : raw[field];
    const spec = manifest.fields[field];
    if (empty(value)) {
      if (spec?.required) problems.push({ field, message: 'is required and missing' });
      continue;
    }
    if (check.text && typeof value === 'string') {
      // What the text schema does with a string (already trimmed), without building it a zod result.
      const issue = textIssue(value, check.text);
      if (issue) problems.push({ field, value: shown(value), message: issue });
      else business[field] = value;
      continue;
    }
    const list = check.list && typeof value === 'string' ? plainList(value, field, check.list) : undefined;
    if (list) {
      business[field] = list;
      continue;
    }
    const parsed = check.schema.safeParse(value);
    if (parsed.success) {
      business[field] = parsed.data;
    } else {
      for (const issue of parsed.error.issues) {
        const index = typeof issue.path[0] === 'number' ? ` (entry ${issue.path[0] + 1})` : '';
        problems.push({ field, value: shown(value), message: `${issue.message}${index}` });
      }
    }
  }
  Object.assign(business, localized.values);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, business: business as Business };
}

/** The value as given, kept short enough for a report (messages shorten it further). */
function shown(value: unknown): string {
  return cut(Array.isArray(value) ? value.join(';') : String(value), 200);
}
