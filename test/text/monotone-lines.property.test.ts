/**
 * Auto-fit takes the largest grid step at which a page fits, and finds it
 * from where the last page of its kind ended: that is only the same answer
 * for every row order if a paragraph never grows as its text shrinks. These
 * properties check it for the paragraphs that broke it: a name or a word too
 * wide for a line (it used to fill the line it was on at one size and start
 * a fresh one at a smaller size, one line more), and a tall script moving
 * onto a line that had none (lines took their own room: a taller line).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { fontSet } from '../../src/fonts/font-set.js';
import { layoutParagraph, type ParagraphStyle, type TextSpan } from '../../src/text/paragraph.js';

const SEED = 20261202;
const WORDS = [
  'please',
  'ask',
  'for',
  'the',
  'manager',
  'Rosa',
  'Delgado',
  'براہ',
  'کرم',
  'مالک',
  'ဆိုင်',
  'ဝင်ရောက်ရန်',
  '가게',
  '福满楼',
  'Tortillería',
];

/** A sentence with business data in it: words of several scripts, a kept name (maybe one long word), more words. */
const sentence = fc.record({
  before: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 5 }),
  name: fc.oneof(
    fc.integer({ min: 8, max: 70 }).map((n) => 'W'.repeat(n)),
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')),
  ),
  after: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 5 }),
  lang: fc.constantFrom('en', 'ur', 'my'),
});

function spansOf({ before, name, after }: { before: string[]; name: string; after: string[] }): TextSpan[] {
  return [
    { text: before.length > 0 ? `${before.join(' ')} ` : '', bold: false },
    { text: name, bold: false, isolate: true },
    { text: after.length > 0 ? ` ${after.join(' ')}` : '', bold: false },
  ].filter((span) => span.text.length > 0);
}

/** The sizes of two neighbouring fit-grid steps and more: each 2^(1/32) smaller than the one above. */
const SIZES = Array.from({ length: 24 }, (_, k) => 18 * 2 ** (-k / 32));

describe('a paragraph never grows as its size shrinks', () => {
  it('takes no more lines and no more height at a smaller size, for text with names and words too wide for a line', () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 120, max: 420 }), (text, width) => {
        const chain = fontSet().chain(text.lang);
        const direction = text.lang === 'ur' ? 'rtl' : 'ltr';
        let above: { lines: number; height: number; size: number } | undefined;
        for (const size of SIZES) {
          const style: ParagraphStyle = { size, leading: 1.25, align: 'start', direction, lang: text.lang };
          const laid = layoutParagraph(spansOf(text), style, width, chain);
          if (above) {
            expect(laid.lines.length, `${size.toFixed(2)} pt after ${above.size.toFixed(2)} pt`).toBeLessThanOrEqual(above.lines);
            expect(laid.height).toBeLessThanOrEqual(above.height + 1e-9);
          }
          above = { lines: laid.lines.length, height: laid.height, size };
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('starts a fresh line for a name too wide for any line, rather than filling the line it is on', () => {
    const chain = fontSet().chain('en');
    const style: ParagraphStyle = { size: 12, leading: 1.25, align: 'start', direction: 'ltr', lang: 'en' };
    const laid = layoutParagraph(spansOf({ before: ['please', 'ask', 'for'], name: 'W'.repeat(40), after: ['today'] }), style, 200, chain);
    const first = laid.lines[0]!.map((run) => run.text).join('');
    expect(first.trim()).toBe('please ask for');
  });

  it('spaces every line of a paragraph alike, whichever lines hold the tall script', () => {
    const chain = fontSet().chain('ur');
    const style: ParagraphStyle = { size: 12, leading: 1.25, align: 'start', direction: 'rtl', lang: 'ur' };
    const laid = layoutParagraph(spansOf({ before: ['براہ', 'کرم'], name: 'W'.repeat(30), after: ['مالک', 'کا'] }), style, 220, chain);
    expect(laid.lines.length).toBeGreaterThan(2);
    const baselines = laid.lines.map((line) => line[0]!.baseline);
    const steps = baselines.slice(1).map((y, i) => y - baselines[i]!);
    for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 6);
  });
});
