import { describe, expect, it } from 'vitest';

import { withoutCjkSpaces } from '../../src/text/cjk-joins.js';

const texts = (parts: readonly { text: string }[]): string[] => parts.map((part) => part.text);

describe('withoutCjkSpaces', () => {
  it('drops a space after full-width punctuation, and before an opening one, in Chinese and Japanese', () => {
    const parts = [{ text: '非公共区域： ' }, { text: '厨房', isolate: true }, { text: '。 这是 （总店）' }];
    expect(texts(withoutCjkSpaces(parts, 'zh-Hans'))).toEqual(['非公共区域：', '厨房', '。这是（总店）']);
    expect(texts(withoutCjkSpaces([{ text: '権利。 これは' }], 'ja'))).toEqual(['権利。これは']);
  });

  it('keeps spaces between Han and Latin words, in business data, and in other languages', () => {
    expect(texts(withoutCjkSpaces([{ text: '请找 Maria 经理' }], 'zh-Hant'))).toEqual(['请找 Maria 经理']);
    expect(texts(withoutCjkSpaces([{ text: '：' }, { text: ' 王 小明', isolate: true }], 'zh-Hans'))).toEqual(['：', ' 王 小明']);
    expect(texts(withoutCjkSpaces([{ text: 'Areas： kitchen' }], 'en'))).toEqual(['Areas： kitchen']);
  });

  it('returns new parts and leaves the given ones alone', () => {
    const parts = Object.freeze([Object.freeze({ text: '权利。 这是' })]);
    const joined = withoutCjkSpaces(parts, 'zh-Hans');
    expect(joined).not.toBe(parts);
    expect(parts[0]!.text).toBe('权利。 这是');
  });
});
