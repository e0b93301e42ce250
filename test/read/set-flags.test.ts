import { describe, expect, it } from 'vitest';

import { UsageError } from '../../src/errors.js';
import { parseSetFlags } from '../../src/read/set-flags.js';

describe('parseSetFlags', () => {
  it('turns key=value pairs into a record', () => {
    expect(parseSetFlags(['name=Lake Street Tortillería', 'city=Minneapolis'])).toEqual({
      name: 'Lake Street Tortillería',
      city: 'Minneapolis',
    });
  });

  it('gives an empty record for no flags', () => {
    expect(parseSetFlags([])).toEqual({});
  });

  it('splits at the first "=" only, so values may contain "="', () => {
    expect(parseSetFlags(['rights_url=https://example.org/?a=1&b=2'])).toEqual({ rights_url: 'https://example.org/?a=1&b=2' });
  });

  it('keeps an empty value after "="', () => {
    expect(parseSetFlags(['phone='])).toEqual({ phone: '' });
  });

  it('keeps the value as typed: spaces, markup characters and Handlebars syntax', () => {
    expect(parseSetFlags(['name= Tienda {{name}} <&> "Express" '])).toEqual({ name: ' Tienda {{name}} <&> "Express" ' });
  });

  it('matches keys without regard to case', () => {
    expect(parseSetFlags(['NAME=Joe', 'Postal_Code=07102'])).toEqual({ name: 'Joe', postal_code: '07102' });
  });

  it('lets a later --set win over an earlier one', () => {
    expect(parseSetFlags(['name=First', 'name=Second'])).toEqual({ name: 'Second' });
  });

  it('lets a later --set win when the keys differ only in case', () => {
    expect(parseSetFlags(['Name=First', 'name=Second'])).toEqual({ name: 'Second' });
  });

  // BUG: the pairs are stored under their typed keys and lower-cased only at the end, so a key
  // written first keeps its first position when set again. Input ['name=a', 'NAME=b', 'name=c']
  // gives { name: 'b' }, not the last value 'c'.
  it('lets the last --set win when the same key is repeated in different cases', () => {
    expect(parseSetFlags(['name=a', 'NAME=b', 'name=c'])).toEqual({ name: 'c' });
  });

  it('gives a pair without "=" as a UsageError that shows the pair', () => {
    expect(() => parseSetFlags(['name'])).toThrow(UsageError);
    expect(() => parseSetFlags(['name'])).toThrow(/key=value.*"name"/);
  });

  it('gives a pair with an empty key as a UsageError', () => {
    expect(() => parseSetFlags(['=Joe'])).toThrow(UsageError);
  });

  it('does not change the array it is given', () => {
    const pairs = Object.freeze(['name=Joe', 'city=Newark']);
    parseSetFlags(pairs);
    expect(pairs).toEqual(['name=Joe', 'city=Newark']);
  });
});
