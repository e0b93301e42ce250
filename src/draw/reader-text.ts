import bidiFactory from 'bidi-js';

import type { ShapedGlyph } from '../text/shape.js';

const bidi = bidiFactory();

/** Arabic letter mark: a format character of bidi class AL, which readers keep out of the words. */
const ALM = '\u061c';

/** Right-to-left letters. */
const LETTERS = new Set(['R', 'AL']);
/** Bidi classes PDFium joins into one run that it never reverses ("left weak"). */
const LEFT_WEAK = new Set(['AN', 'EN', 'NSM', 'CS', 'ES', 'ET', 'BN']);

const classOf = (char: string | undefined): string => (char === undefined ? '' : bidi.getBidiCharTypeName(char));

export interface Shown {
  readonly glyph: ShapedGlyph;
  /**
   * A mark glyph that handed its characters to another glyph: no longer part
   * of the text, drawn with the glyphs that carry none, exactly where it was.
   */
  readonly handedOn?: boolean;
}

/** The characters a glyph's CID maps to, in drawing order (reversed in a right-to-left run). */
export function drawnText(glyph: ShapedGlyph, rtl: boolean): string {
  return rtl && glyph.text.length > 1 ? [...glyph.text].reverse().join('') : glyph.text;
}

/** The first character (code point) of a string, or undefined. */
function firstChar(text: string): string | undefined {
  if (text === '') return undefined;
  return text.codePointAt(0)! > 0xffff ? text.slice(0, 2) : text[0];
}

/** The last character (code point) of a string, or undefined. */
function lastChar(text: string): string | undefined {
  if (text === '') return undefined;
  const low = text.charCodeAt(text.length - 1);
  return text.length > 1 && low >= 0xdc00 && low <= 0xdfff && text.codePointAt(text.length - 2)! > 0xffff
    ? text.slice(-2)
    : text[text.length - 1];
}

const handOn = <T extends Shown>(at: T): T => ({ ...at, glyph: { ...at.glyph, text: '' }, handedOn: true });

/**
 * pdfminer lays out characters by their boxes: a character as wide as its
 * advance. Two characters in a row that do not advance (two marks on one
 * consonant, a mark and an invisible carrier) have no width to overlap, so it
 * starts a new line between them, in mid-word (layout.py, group_objects:
 * `hdistance < max(width) * char_margin` fails at 0 < 0). Each row of such
 * glyphs carries all its characters on its first glyph: the invisible
 * carriers after it go, and the visible marks hand their characters on.
 */
export function oneStillGlyphInARow<T extends Shown>(shown: readonly T[], rtl: boolean, invisible: number | undefined): T[] {
  const out: T[] = [];
  let first: number | undefined;
  for (const at of shown) {
    if (at.glyph.xAdvance !== 0) first = undefined;
    else if (first === undefined) first = out.length;
    else {
      const head = out[first]!;
      const text = rtl ? at.glyph.text + head.glyph.text : head.glyph.text + at.glyph.text;
      out[first] = { ...head, glyph: { ...head.glyph, text } };
      if (at.glyph.id !== invisible) out.push(handOn(at));
      continue;
    }
    out.push(at);
  }
  return out;
}

/**
 * Right-to-left runs are drawn in visual order and each reader reverses
 * them back, but two readers decide what to reverse from the characters:
 * - MuPDF starts every text object left-to-right and keeps that level until
 *   a strong right-to-left character (pdf-op-run.c: pdf_run_BT sets
 *   `pr->bidi = 0`; guess_bidi_level keeps it for neutrals), so a full stop
 *   drawn first (the end of an Arabic sentence) is left out of the reversal
 *   and lands at the start of the line.
 * - PDFium joins neighbouring "weak" characters (digits, separators such as
 *   ".", marks) into one run it keeps in drawing order (fx_bidi.cpp,
 *   CFX_BidiChar::AppendChar's kLeftWeak), so a mark drawn right after a full
 *   stop stays on the full stop.
 * An invisible glyph that carries an Arabic letter mark (a format character
 * of class AL: copy, search and screen readers skip it) goes before the
 * first glyph when glyphs other than white space come before the first
 * letter (each mark counts towards PDFium's choice of a line's direction, so
 * there are no more than needed), and between a weak
 * character and a mark drawn after it; a mark that needs one hands its
 * characters to the carrier (MuPDF starts a new line at a mark glyph whose
 * text starts with anything but a mark). Every character stays on a glyph, so
 * the run's /ActualText (its glyphs' characters in drawing order) matches the
 * ToUnicode text exactly, which MuPDF needs to line the two up. U+061C, not
 * U+200F: pdf.js's bidi pass takes U+200F for a left-to-right letter.
 */
export function markRightToLeft<T extends Shown>(shown: readonly T[], carrier: ((at: T, text: string) => T) | undefined): T[] {
  const out: T[] = [];
  // What MuPDF would read left-to-right: the glyphs before the first letter. White space there is
  // harmless, and a run of neutrals alone (a bullet, a list number) has nothing to be reversed with.
  const letter = shown.findIndex((at) => [...at.glyph.text].some((char) => LETTERS.has(classOf(char))));
  const strong =
    letter >= 0 &&
    /\S/u.test(
      shown
        .slice(0, letter)
        .map((at) => at.glyph.text)
        .join(''),
    );
  let before = '';
  for (const at of shown) {
    if (at.handedOn === true) {
      out.push(at);
      continue;
    }
    const drawn = drawnText(at.glyph, true);
    const start = classOf(firstChar(drawn));
    const needed = before === '' ? strong : start === 'NSM' && LEFT_WEAK.has(classOf(lastChar(before)));
    before = drawn;
    if (!needed || drawn === '') out.push(at);
    else if (carrier === undefined) out.push({ ...at, glyph: { ...at.glyph, text: at.glyph.text + ALM } });
    else if (at.glyph.xAdvance !== 0) out.push(carrier(at, ALM), at);
    else out.push(carrier(at, at.glyph.text + ALM), handOn(at));
  }
  return out;
}
