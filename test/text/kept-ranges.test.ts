import { describe, expect, it } from 'vitest';

import { keptRanges } from '../../src/text/kept-ranges.js';

const kept = (parts: { text: string; isolate?: boolean; keep?: boolean }[]): string[] => {
  const text = parts.map((part) => part.text).join('');
  return keptRanges(text, parts).map(([start, end]) => text.slice(start, end));
};

describe('keptRanges', () => {
  it('keeps business data, links and email addresses together', () => {
    expect(
      kept([
        { text: 'Ask for ' },
        { text: 'Cabdi Maxamed', isolate: true },
        { text: ' or see https://www.ilrc.org/red-cards, or write to ana.b@example.org.' },
      ]),
    ).toEqual(['Cabdi Maxamed', 'https://www.ilrc.org/red-cards', 'ana.b@example.org']);
  });

  it('lets a caller release isolated data, or keep plain text', () => {
    expect(
      kept([
        { text: 'long list, of things', isolate: true, keep: false },
        { text: ' Main St', keep: true },
      ]),
    ).toEqual([' Main St']);
  });

  it('keeps a hyphenated name, a short parenthesis, and in CJK text a Latin word together', () => {
    expect(kept([{ text: 'Halal Market of Cedar-Riverside (Rear Entrance)', isolate: true, keep: false }])).toEqual([
      'Cedar-Riverside',
      '(Rear Entrance)',
    ]);
    expect(kept([{ text: '请找总经理General Manager。' }])).toEqual(['General', 'Manager']);
    expect(kept([{ text: 'Ask the General Manager.' }])).toEqual([]);
  });
});
