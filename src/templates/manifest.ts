import { z } from 'zod';
import { PAGE_SIZE_NAMES } from '../contract/page-sizes.js';
import { RIGHTS_LINKS } from '../contract/rights-links.js';
import { labelProblem } from '../contract/text-hygiene.js';
import { CONTRACT_FIELDS, type FieldSpec } from '../contract/business-fields.js';

import { ARRANGEMENTS } from '../contract/arrangements.js';

export { ARRANGEMENTS, type Arrangement } from '../contract/arrangements.js';

/** Who a template or packet is for: init and the web form ask "a business or a home?" and offer only what fits. */
export const AUDIENCES = ['business', 'home'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Fields every template has, which placard itself validates. */
const RESERVED_FIELDS = ['languages', 'rights_url'];

const fieldSpec = z.object({
  type: z.enum(['text', 'list', 'link']),
  required: z.boolean().default(false),
  max: z.number().int().positive(),
  max_items: z.number().int().positive().optional(),
});

/** A title or description: shown in listings and written into the PDF's /Title and /Subject, so no escapes or bidi controls. */
export const label = z
  .string()
  .min(1)
  .superRefine((value, ctx) => {
    const problem = labelProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** template.yaml: what a template is, the fields it uses and the paper it supports. */
export const manifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens'),
  title: label,
  description: label,
  /** Date of the notice wording; printed on the notice and used as the PDF date. */
  version: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-11-26')
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, 'is not a real date'),
  rights_link: z.enum(Object.keys(RIGHTS_LINKS) as [keyof typeof RIGHTS_LINKS]),
  /** Who posts it: `home` for residents' notices; absent means a business (init and the web form ask which). */
  audience: z.enum(AUDIENCES).optional(),
  sizes: z.array(z.enum(PAGE_SIZE_NAMES as [string, ...string[]])).min(1),
  arrangements: z.array(z.enum(ARRANGEMENTS)).min(1),
  /** For cards: each page the template makes is one card of this size, printed as many to a sheet as fit (src/impose/). */
  card: z
    .object({ width_in: z.number().min(1).max(8), height_in: z.number().min(1).max(8) })
    .strict()
    .optional(),
  /** From this many languages on, the default arrangement is columns (if supported). */
  columns_from: z.number().int().positive().default(3),
  fields: z
    .record(
      z
        .string()
        .regex(/^[a-z][a-z0-9_]*$/, 'field names are lower-case letters, digits and _')
        .refine((name) => !RESERVED_FIELDS.includes(name), 'languages and rights_url are set by placard, not declared by templates'),
      fieldSpec,
    )
    .superRefine((fields, ctx) => {
      for (const [name, spec] of Object.entries(fields)) {
        const contract = CONTRACT_FIELDS[name];
        if (contract && contract.type !== spec.type)
          ctx.addIssue({
            code: 'custom',
            path: [name, 'type'],
            message: `${name} is a ${contract.type} in placard's business schema (the same for every template); declare it with type: ${contract.type}`,
          });
      }
    }),
});

export type TemplateManifest = z.infer<typeof manifestSchema>;
/** The contract's FieldSpec is what the schema above reads from template.yaml: checked here at compile time. */
export type { FieldSpec } from '../contract/business-fields.js';
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fieldSpecMatchesContract: Same<z.infer<typeof fieldSpec>, FieldSpec> = true;
void fieldSpecMatchesContract;
