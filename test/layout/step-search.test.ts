import { describe, expect, it } from 'vitest';

import { firstHolding, stepMemo } from '../../src/layout/step-search.js';

describe('firstHolding', () => {
  it('finds the first step where a monotone test holds, asking step 0, the last, then halving', () => {
    for (let count = 0; count <= 9; count++) {
      for (let from = 0; from <= count; from++) {
        const asked: number[] = [];
        const found = firstHolding(count, (step) => (asked.push(step), step >= from));
        expect(found).toBe(from < count ? from : undefined);
        if (count > 0) expect(asked[0]).toBe(0);
        expect(new Set(asked).size).toBe(asked.length);
      }
    }
  });
});

describe('stepMemo', () => {
  it('makes each step once and says which it made', () => {
    let made = 0;
    const memo = stepMemo((step) => ({ step, n: ++made }));
    expect(memo.made(3)).toBeUndefined();
    expect(memo.at(3)).toBe(memo.at(3));
    expect(memo.made(3)?.step).toBe(3);
    expect(made).toBe(1);
  });
});
