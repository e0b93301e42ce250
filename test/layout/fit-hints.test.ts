import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIT_HINTS_LIMIT, FIT_HINTS_MAX_BYTES, isStep, readFitHints, writeFitHints } from '../../src/layout/fit-hints.js';

const KIND = 'en 612x792 box(p)sen(hhppppp)ses(hhppppp)srcols(p|q)p';

describe('fit hints kept between runs (src/layout/fit-hints.ts)', () => {
  it('reads back what it wrote, oldest first', () => {
    const hints = [
      [KIND, 48],
      [`${KIND} 23.8,47.6,`, 0],
      ['ar 612x1008 box(p)', 1024],
    ] as const;
    expect(readFitHints(writeFitHints(hints))).toEqual(hints);
  });

  it('keeps the last entries within the limit, and only entries of the right form', () => {
    const many = Array.from({ length: FIT_HINTS_LIMIT + 10 }, (_, i) => [`kind ${i}`, i % 50] as const);
    const read = readFitHints(writeFitHints(many));
    expect(read).toHaveLength(FIT_HINTS_LIMIT);
    expect(read[0]).toEqual(['kind 10', 10]);
    const text = JSON.stringify({
      version: 1,
      steps: [[KIND, 3], [KIND, -1], [KIND, 2.5], [KIND, '4'], [7, 4], [KIND], 'x', [KIND, 5, 6]],
    });
    expect(readFitHints(text)).toEqual([[KIND, 3]]);
    expect(readFitHints(JSON.stringify({ version: 1, steps: [['k'.repeat(5000), 3]] }))).toEqual([]);
  });

  it('reads nothing from a file that is not its own: missing, malformed, another version, oversized', () => {
    for (const text of [undefined, '', '{', 'null', '[]', '{"steps":[["a",1]]}', '{"version":2,"steps":[["a",1]]}', '{"version":1}']) {
      expect(readFitHints(text)).toEqual([]);
    }
    expect(readFitHints(`${writeFitHints([[KIND, 1]])}${' '.repeat(FIT_HINTS_MAX_BYTES)}`)).toEqual([]);
  });

  it('never throws, and gives only whole steps from 0 to 1024 under short keys, whatever the text', () => {
    const json = fc.jsonValue().map((value) => JSON.stringify({ version: 1, steps: value }));
    const entries = fc
      .array(fc.tuple(fc.oneof(fc.string(), fc.integer()), fc.oneof(fc.integer(), fc.double(), fc.string())))
      .map((steps) => JSON.stringify({ version: 1, steps }));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), json, entries), (text) => {
        const read = readFitHints(text);
        expect(read.length).toBeLessThanOrEqual(FIT_HINTS_LIMIT);
        for (const [kind, step] of read) {
          expect(typeof kind).toBe('string');
          expect(kind.length).toBeLessThanOrEqual(4096);
          expect(isStep(step)).toBe(true);
        }
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});
