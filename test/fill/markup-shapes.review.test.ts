/**
 * Review tests for fill/markup-shapes.ts (#21): every template in every size
 * and arrangement it supports, records whose values are at their field's
 * maximum, equal to each other or to the template's own words, and a record's
 * tree changed after it was made (as a later stage might) must not reach the
 * next record of its shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateFill } from '../../src/fill/fill-template.js';
import type { Session } from '../../src/pipeline.js';
import { prepareSession } from '../../src/session/prepare-session.js';
import { NOTICE, outcome, templateIds, templateShapes } from './shape-harness.js';

const SEED = 20261203;

type Spec = { type: string; required?: boolean; max?: number; max_items?: number };

/** Values a field could hold: its maximum length, a vocabulary word, template words, markup, bidi and combining marks. */
function valueOf(spec: Spec, shared: string) {
  const max = spec.max ?? 40;
  const piece = fc.constantFrom(
    shared,
    'Kitchen',
    'owner',
    'Staff only',
    'Private',
    'Solo personal',
    'notice',
    'field',
    '&amp;',
    '<field name="x">',
    '"\'`=',
    '\u200f\u202e',
    'e\u0301\u0308',
    '\ue000\u{10ffff}'.slice(0, 1),
    '𝔘𝔫𝔦',
    '  ',
    'x',
  );
  const text = fc.oneof(
    fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('').slice(0, max)),
    fc.constantFrom('W'.repeat(max), 'é'.repeat(max), '&'.repeat(max), '<'.repeat(max), 'مخبز'.repeat(max).slice(0, max), ' '),
    fc.constant(shared),
  );
  if (spec.type === 'link')
    return fc.constantFrom('https://example.org/' + 'a'.repeat(Math.max(0, max - 20)), 'https://example.org/r?a=1&b=2');
  if (spec.type === 'list')
    return fc
      .array(
        text.map((item) => item.replace(/;/g, ',')),
        { minLength: 2, maxLength: 2 },
      )
      .map((items) => items.join(';'));
  return text;
}

/** Records of one set of fields, one value shared among them (values equal to each other). */
function batchOf(fields: Readonly<Record<string, Spec>>) {
  const specs: [string, Spec][] = Object.entries(fields);
  if ('contact_role' in fields) specs.push(['contact_role.es', { type: 'text', max: 40 }]);
  if ('private_areas' in fields) specs.push(['private_areas.es', { type: 'list', max: 40, max_items: 8 }]);
  const present = fc.tuple(...specs.map(([, spec]) => (spec.required ? fc.constant(true) : fc.boolean())));
  return fc.tuple(present, fc.constantFrom('Rosa', 'Kitchen', 'Manager', '&<>')).chain(([flags, shared]) => {
    const chosen = specs.filter((_, index) => flags[index]);
    const record = fc
      .tuple(...chosen.map(([, spec]) => valueOf(spec, shared)))
      .map((values) => Object.fromEntries(chosen.map(([name], index) => [name, values[index]!])));
    return fc.array(record, { minLength: 2, maxLength: 6 });
  });
}

/** Changes every object and array in a tree, as a stage that wrote into it would. */
function scribble(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(scribble);
    value.push('scribbled');
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const inner = (value as Record<string, unknown>)[key];
      if (typeof inner === 'string') (value as Record<string, unknown>)[key] = `${inner}!`;
      else scribble(inner);
    }
  }
}

describe('a notice made from its shape is the notice filled and parsed (review)', () => {
  for (const id of templateIds()) {
    it(`for ${id}, in every size and arrangement, with values at their limits, equal to each other, and trees written into`, () => {
      const probe = prepareSession({ template: id, languages: ['en'] });
      const { sizes, arrangements } = probe.template.manifest as unknown as { sizes: string[]; arrangements: string[] };
      const batches = batchOf(probe.template.manifest.fields as Record<string, Spec>);
      let hits = 0;
      for (const size of sizes) {
        for (const arrange of arrangements) {
          for (const languages of size === sizes[0]
            ? [
                ['en', 'es'],
                ['ar', 'zh-Hans', 'es'],
              ]
            : [['en', 'es']]) {
            const options = { template: id, languages, size, arrange } as Parameters<typeof prepareSession>[0];
            let plain: Session;
            let shaped: Session;
            try {
              plain = prepareSession(options);
              shaped = prepareSession(options);
            } catch {
              continue;
            }
            fc.assert(
              fc.property(batches, (batch) => {
                for (const raw of batch) {
                  const expected = outcome(plain, raw, false);
                  const got = outcome(shaped, raw, true);
                  expect(got).toStrictEqual(expected);
                  if (got?.tree) scribble(got.tree);
                }
              }),
              { seed: SEED, numRuns: 2 },
            );
            hits += (shaped.shapes as unknown as { hits: number }).hits;
          }
        }
      }
      expect(hits, `${id}: records served from a shape`).toBeGreaterThan(0);
    });
  }
});

describe('templates that use values in more ways than printing them (review)', () => {
  const session = prepareSession({ template: 'private-areas', languages: ['en', 'es'] });

  /** Each record, through one session's shapes and plainly: the same tree, or the same error. */
  function sameAll(body: string, records: Record<string, string>[]): void {
    const { run } = templateShapes(session, templateFill(NOTICE(body), 'test.hbs'));
    for (const record of records) {
      const got = run(record, true);
      expect(got, JSON.stringify(record)).toStrictEqual(run(record, false));
      scribble(got);
    }
  }

  const roles = (...values: string[]) => values.map((contact_role, index) => ({ name: `N${index}`, contact_role }));

  it('a value as a {{t}} key, an arrangement, a field name', () => {
    sameAll('<p>{{t business.contact_role}}</p>', roles('common:not_advice', 'common:not_advice', 'x', 'common:not_advice', 'x'));
    sameAll('{{#eachLanguage arrange=business.contact_role}}<p>a</p>{{/eachLanguage}}', roles('list', 'list', 'rows', 'list', 'rows'));
    sameAll(
      '<p>{{list business.private_areas business.contact_role}}</p>',
      roles('private_areas', 'private_areas', 'contact_role', 'x').map((record) => ({ ...record, private_areas: 'Kitchen;Office' })),
    );
    sameAll('<p><field name="{{business.contact_role}}">{{business.name}}</field></p>', roles('a', 'a', '', ' ', '<', 'b'));
  });

  it('a value in attributes that are read as choices, numbers and languages', () => {
    sameAll('<h1 align="{{business.contact_role}}">T</h1>', roles('left', 'center', 'bogus', 'right', 'left', ' left', 'LEFT'));
    sameAll(
      '<columns><column weight="{{business.contact_role}}"><p>x</p></column></columns>',
      roles('1', '2.5', ' 3 ', '1e2', '0', '20', '20.000001', '１'),
    );
    sameAll(
      '<section lang="{{business.contact_role}}" dir="ltr"><p>fixed</p><h2>also fixed</h2></section>',
      roles('en', 'es', 'ar', 'zz', 'en', ''),
    );
  });

  it('a value where only white space may stand, and every field with its name', () => {
    sameAll('{{business.contact_role}}<p>x</p>', roles('  ', '  ', ' ', 'x', '  ', '\u00a0', '\u3000'));
    sameAll('{{#each business}}<p>{{@key}}: {{this}}{{#if @last}}.{{/if}}</p>{{/each}}', [
      { name: 'A', private_areas: 'a;b', contact_role: 'x' },
      { name: 'B', private_areas: 'c;d', contact_role: 'y' },
      { name: 'C', private_areas: 'Kitchen;&', contact_role: '<' },
    ]);
  });
});
