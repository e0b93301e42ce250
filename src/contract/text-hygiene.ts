/**
 * What a value may hold before it reaches a notice, and how a value is shown
 * back to the user in a message. Shared by validation, messages and reports.
 */

/** No language stacks more than a few marks on one letter (Burmese and Bengali use 3); more is "Zalgo" text. */
export const MAX_MARKS_PER_LETTER = 6;

let segmenter: Intl.Segmenter | undefined;
/** Made on first use: creating a segmenter costs 10–30 ms, which `placard --help` need not pay. */
const graphemes = {
  segment: (value: string) => (segmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' })).segment(value),
};

/** Length as a reader counts it: user-perceived characters (grapheme clusters), so an emoji is one. */
export function graphemeLength(value: string): number {
  let count = 0;
  for (const segments = graphemes.segment(value)[Symbol.iterator](); !segments.next().done;) count++;
  return count;
}

/** U+0041 style code of one code point. */
export function codeOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const LONE_SURROGATE = /[\ud800-\udfff]/u;
const NONCHARACTER =
  /[\ufdd0-\ufdef\ufffe\uffff\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/u;
const MARK = /\p{M}/gu;
const ANY_MARK = /\p{M}/u;

/**
 * Why a value cannot be printed, or undefined when it can: control
 * characters, lone surrogates, noncharacters, U+FFFD (the trace of a bad
 * encoding) and too many marks stacked on one letter.
 */
export function textProblem(value: string): string | undefined {
  const control = CONTROL.exec(value)?.[0];
  if (control !== undefined) {
    const what = control === '\t' ? ', a tab' : control === '\n' || control === '\r' ? ', a line break' : '';
    return `contains a control character (${codeOf(control)}${what}); use plain text on one line`;
  }
  const surrogate = LONE_SURROGATE.exec(value)?.[0];
  if (surrogate !== undefined) return `contains ${codeOf(surrogate)}, half of a character (a lone surrogate); the text is damaged`;
  const nonchar = NONCHARACTER.exec(value)?.[0];
  if (nonchar !== undefined) return `contains ${codeOf(nonchar)}, which is not a character; remove it`;
  if (value.includes('\ufffd')) {
    return 'contains U+FFFD (�), the mark of text decoded with the wrong encoding; retype it or save the file as UTF-8';
  }
  // No letter can carry more marks than the whole value holds: most values need no segmenting.
  if (!ANY_MARK.test(value) || (value.match(MARK)?.length ?? 0) <= MAX_MARKS_PER_LETTER) return undefined;
  for (const { segment } of graphemes.segment(value)) {
    const marks = segment.match(MARK)?.length ?? 0;
    if (marks > MAX_MARKS_PER_LETTER) {
      return `has ${marks} marks stacked on one letter ("${printable(segment.replace(MARK, ''), 8)}"); no language needs more than ${MAX_MARKS_PER_LETTER}`;
    }
  }
  return undefined;
}

/** Characters shown as U+ codes in messages: controls, bidi controls, lone surrogates, noncharacters. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/u;

/**
 * A value as it is safe to show in a message or on a terminal: control and
 * bidi characters as U+ codes (an ESC can retitle or clear a terminal), and
 * cut at a character boundary after `max` characters.
 */
export function printable(value: string, max = 60): string {
  let shown = '';
  let count = 0;
  for (const { segment } of graphemes.segment(value)) {
    if (count === max) return `${shown}…`;
    shown += [...stacked(segment)].map((char) => (UNPRINTABLE.test(char) ? `<${codeOf(char)}>` : char)).join('');
    count++;
  }
  return shown;
}

/** At most `max` characters of a value, cut at a character boundary (for keeping values in reports). */
export function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes.segment(value)) {
    if (count === max) return `${kept}…`;
    kept += segment;
    count++;
  }
  return kept;
}

/** A letter with more marks than any language stacks, shown as the letter, two marks and a count of the rest. */
function stacked(segment: string): string {
  const marks = segment.match(MARK)?.length ?? 0;
  if (marks <= MAX_MARKS_PER_LETTER) return segment;
  const kept = [...segment].filter((char, index) => index === 0 || !/\p{M}/u.test(char) || index <= 2).join('');
  return `${kept}<+${marks - 2} marks>`;
}

/**
 * What may not reach a terminal raw: C0 and C1 controls but the line break (ESC starts escape and OSC
 * sequences, BEL rings, CR overwrites), bidi controls (an override reorders the rest of the line), line and
 * paragraph separators, and lone surrogates.
 */
const TERMINAL_UNSAFE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text made safe for a terminal: every character of TERMINAL_UNSAFE as a U+ code. Every message (stderr) and
 * every listing that shows what a template or locale says about itself (stdout) goes through here.
 */
export function terminalSafe(line: string): string {
  return line.replace(TERMINAL_UNSAFE, (char) => `<${codeOf(char)}>`);
}

/** Why a one-line label (a template's title, a locale's name) would be unsafe to show or print, or undefined. */
export function labelProblem(value: string): string | undefined {
  const unsafe = new RegExp(TERMINAL_UNSAFE.source).exec(value)?.[0];
  if (unsafe === undefined) return undefined;
  const what =
    unsafe === '\u001b'
      ? ' (ESC, which starts a terminal escape sequence)'
      : /[\u061c\u200e-\u202e\u2066-\u2069]/.test(unsafe)
        ? ' (a bidi control)'
        : '';
  return `contains ${codeOf(unsafe)}${what}; use plain text on one line`;
}
