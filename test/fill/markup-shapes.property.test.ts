/**
 * Property test: for every template in templates/, a notice's tree made from
 * its record's shape (fill/markup-shapes.ts) is the tree filling and parsing
 * the record gives, with the same translation warnings, over random values
 * (markup characters, vocabulary words, per-language values, long runs of
 * space, characters XML changes or refuses, the stand-ins' own code points).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareSession } from '../../src/session/prepare-session.js';
import { outcome, templateIds } from './shape-harness.js';

const SEED = 20261202;

const PIECES = [
  'a',
  'Z',
  ' ',
  '   ',
  '&',
  '<',
  '>',
  '"',
  "'",
  '`',
  '=',
  '&amp;',
  ']]>',
  '<b>',
  '{{x}}',
  'é',
  'ñ',
  'مخبز',
  '福满楼',
  '😀',
  '\u200f',
  '\u00a0',
  ';',
  ',',
  '-',
  '--',
  '\t',
  '\n',
  '\r\n',
  '\u0085',
  '\u2028',
  '\ue000',
  '\u{100000}',
  '\u{100003}',
  '\u{108001}',
];
const WORDS = ['Owner', 'manager', 'SUPERVISOR', 'Kitchen', 'office', 'Back room', 'Stockroom', 'Rosa Delgado', 'Mx. O’Brien & Sons'];
const LINKS = ['https://example.org/report', 'https://example.org/r?a=1&b=2#x', 'https://例え.jp/パス', 'not a link'];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES, ...WORDS), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u200b') },
);

/** Records of one random set of fields (so that shapes repeat), each with random values. */
function batchOf(fields: Readonly<Record<string, { type: string; required?: boolean }>>) {
  const specs: [string, { type: string; required?: boolean }][] = Object.entries(fields);
  if ('contact_role' in fields) specs.push(['contact_role.es', { type: 'text' }]);
  if ('private_areas' in fields) specs.push(['private_areas.es', { type: 'list' }]);
  const valueOf = (type: string) =>
    type === 'link' ? fc.constantFrom(...LINKS) : type === 'list' ? fc.array(text, { maxLength: 4 }).map((items) => items.join(';')) : text;
  const present = fc.tuple(...specs.map(([, spec]) => (spec.required ? fc.constant(true) : fc.boolean())));
  return present.chain((flags) => {
    const chosen = specs.filter((_, index) => flags[index]);
    const record = fc
      .tuple(...chosen.map(([, spec]) => valueOf(spec.type)))
      .map((values) => Object.fromEntries(chosen.map(([name], index) => [name, values[index]!])));
    return fc.array(record, { minLength: 1, maxLength: 8 });
  });
}

const LANGUAGES = [['en'], ['en', 'es'], ['ar', 'zh-Hans'], ['es', 'hmn', 'ti']];

describe('a notice made from its shape is the notice filled and parsed', () => {
  for (const id of templateIds()) {
    it(`for ${id}, over random records, in several language sets and arrangements`, () => {
      for (const languages of LANGUAGES) {
        const options = { template: id, languages };
        const plain = prepareSession(options);
        const shaped = prepareSession(options);
        const batches = batchOf(plain.template.manifest.fields);
        let served = 0;
        let planned = 0;
        fc.assert(
          fc.property(batches, (batch) => {
            for (const raw of batch) {
              const expected = outcome(plain, raw, false);
              const got = outcome(shaped, raw, true);
              expect(got).toStrictEqual(expected);
              if (got?.tree) expect(JSON.stringify(got.tree)).toBe(JSON.stringify(expected!.tree));
              if (got?.tree) served++;
              if (expected) planned++;
            }
          }),
          { seed: SEED, numRuns: 60 },
        );
        // Three languages are more than a duplex card holds: no record of that set is planned.
        if (planned === 0 && id === 'rights-cards' && languages.length > 2) continue;
        expect(served).toBeGreaterThan(0);
        expect(
          (shaped.shapes as unknown as { hits: number }).hits,
          `${id} ${languages.join(',')}: records served from a shape`,
        ).toBeGreaterThan(0);
      }
    });
  }
});
