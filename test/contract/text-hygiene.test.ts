import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenStrings } from '../../src/strings/locale-check.js';
import { locales } from '../../src/strings/locale-catalog.js';
import { loadTemplate } from '../../src/templates/catalog.js';
import {
  cut,
  graphemeLength,
  labelProblem,
  MAX_MARKS_PER_LETTER,
  printable,
  terminalSafe,
  textProblem,
} from '../../src/contract/text-hygiene.js';
import { validateBusiness } from '../../src/validate/business.js';

const manifest = loadTemplate('private-areas').manifest;
const problemsOf = (name: string) => {
  const result = validateBusiness({ name }, manifest, ['en']);
  return result.ok ? [] : result.problems;
};

describe('textProblem', () => {
  it.each([
    ['a lone high surrogate', 'Caf\ud800', 'U+D800'],
    ['a lone low surrogate', '\udc00Joe', 'U+DC00'],
    ['U+FFFF', 'Joe\uffff', 'U+FFFF'],
    ['U+FFFE', 'Joe\ufffe', 'U+FFFE'],
    ['U+FDD0', 'Joe\ufdd0', 'U+FDD0'],
    ['a plane-16 noncharacter', 'Joe\u{10ffff}', 'U+10FFFF'],
    ['U+FFFD', 'Caf\ufffd', 'U+FFFD'],
    ['an escape sequence', 'Joe\u001b]0;pwned\u0007', 'U+001B'],
    ['a C1 control', 'Joe\u0085', 'U+0085'],
    ['a line separator', 'Joe\u2028Ann', 'U+2028'],
  ])('is a problem of the field, naming the U+ code: %s', (_label, name, code) => {
    const problems = problemsOf(name);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('name');
    expect(problems[0]!.message).toContain(code);
  });

  it('refuses a flood of combining marks on one letter, whatever the marks', () => {
    for (const marks of ['\u0301', '\u0489', '\u0e47', '\u1037']) {
      expect(textProblem(`Caf${'e'}${marks.repeat(MAX_MARKS_PER_LETTER + 1)} open`)).toMatch(/marks stacked on one letter/);
      expect(textProblem(`Zalgo${marks.repeat(300)}`)).toMatch(/marks stacked/);
    }
  });

  it('passes every string of every shipped locale', () => {
    for (const [code, locale] of locales()) {
      for (const [key, text] of flattenStrings(locale)) expect(textProblem(text), `${code} ${key}`).toBeUndefined();
    }
  });

  it('passes every sample name and field of the fixtures', () => {
    const csv = readFileSync(new URL('../fixtures/businesses.csv', import.meta.url), 'utf8');
    for (const cell of csv.split(/[\n,]/)) expect(textProblem(cell.replaceAll('"', '')), cell).toBeUndefined();
    const names = JSON.parse(readFileSync(new URL('../fixtures/script-names.json', import.meta.url), 'utf8')) as Record<string, string>;
    for (const name of Object.values(names)) expect(textProblem(name), name).toBeUndefined();
  });
});

describe('lengths in characters a reader sees', () => {
  it('counts an emoji, a flag and a family as one character each', () => {
    expect(graphemeLength('👍🏽🇸🇴👨‍👩‍👧')).toBe(3);
    expect(graphemeLength('Phở')).toBe(3);
  });

  it('accepts a name of 80 emoji and refuses 81', () => {
    expect(problemsOf('🌮'.repeat(80))).toEqual([]);
    expect(problemsOf('🌮'.repeat(81))[0]!.message).toBe('expected at most 80 characters');
  });
});

describe('showing values in messages', () => {
  it('shows control and bidi characters as U+ codes', () => {
    expect(printable('Joe\u001b[2J\u202e')).toBe('Joe<U+001B>[2J<U+202E>');
    expect(terminalSafe('a\u001b]0;title\u0007\nb')).toBe('a<U+001B>]0;title<U+0007>\nb');
  });

  it('cuts at a character boundary, never inside an emoji or a cluster', () => {
    expect(printable('👨‍👩‍👧'.repeat(5), 2)).toBe('👨‍👩‍👧👨‍👩‍👧…');
    expect(cut('ရွှေ'.repeat(100), 3)).toBe('ရွှေရွှေရွှေ…');
  });
});

describe('showing a flood of marks', () => {
  it('shows a letter with too many marks as the letter, two marks and a count, so a message cannot draw a column of accents', () => {
    expect(printable(`Cafe${'\u0301'.repeat(50)}`)).toBe('Cafe\u0301\u0301<+48 marks>');
    expect(printable('ရွှေ Phở')).toBe('ရွှေ Phở');
  });
});

describe('terminalSafe and labelProblem', () => {
  it('escapes C0 and C1 controls, bidi controls and separators, keeps line breaks and ordinary text', () => {
    expect(terminalSafe('a\u009b31m\u202eb\u2066c\u200fd\u2028e\nf')).toBe('a<U+009B>31m<U+202E>b<U+2066>c<U+200F>d<U+2028>e\nf');
    expect(terminalSafe('ሰላም مرحبا Phở 👨‍👩‍👧')).toBe('ሰላም مرحبا Phở 👨‍👩‍👧');
    expect(terminalSafe('x\ud800y')).toBe('x<U+D800>y');
  });

  it('refuses a label with an escape or a bidi control, naming it', () => {
    expect(labelProblem('Door notice')).toBeUndefined();
    expect(labelProblem('Door \u001b]0;x\u0007')).toMatch(/U\+001B \(ESC/);
    expect(labelProblem('Door \u202enotice')).toMatch(/U\+202E \(a bidi control\)/);
  });
});
