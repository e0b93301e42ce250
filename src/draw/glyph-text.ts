import { loadFont, type LoadedFont } from '../fonts/loaded-font.js';
import type { GlyphRunItem } from '../layout/items.js';
import type { ShapedGlyph } from '../text/shape.js';
import type { PdfFonts } from './pdf-fonts.js';
import { drawnText, markRightToLeft, oneStillGlyphInARow } from './reader-text.js';

const num = (value: number): string => {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

/** A coordinate to a millionth of a point, where a glyph must land exactly where a TJ would have put it. */
const fine = (value: number): string => String(Math.round(value * 1e6) / 1e6);

/** A PDF text string as UTF-16BE hex with a byte order mark. */
function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/**
 * Whether a run needs /ActualText for poppler: right-to-left runs, and runs
 * whose glyphs do not map one to one, in order, to characters (ligatures,
 * reordered vowels, marks).
 */
export function needsActualText(run: GlyphRunItem): boolean {
  return run.rtl || run.glyphs.some((glyph) => glyph.xOffset !== 0 || glyph.yOffset !== 0 || !oneCodePoint(glyph.text));
}

/** Whether a string is exactly one code point (a character, or a surrogate pair). */
function oneCodePoint(text: string): boolean {
  if (text.length === 1) return true;
  if (text.length !== 2) return false;
  const high = text.charCodeAt(0);
  const low = text.charCodeAt(1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

interface Placed {
  readonly glyph: ShapedGlyph;
  /** x from the run's origin, in points. */
  readonly x: number;
  /** Rise above the baseline, in points. */
  readonly rise: number;
  /** Shown right where the glyph before it ends, whatever x says (invisible carriers of text). */
  readonly follows?: boolean;
  /** A mark that handed its characters to another glyph: drawn apart from the text, where it was (see reader-text.ts). */
  readonly handedOn?: boolean;
}

/**
 * Content-stream operators that show one glyph run exactly where layout put
 * it. The page's coordinate system is PDFKit's (y down), so text matrices
 * flip y back.
 *
 * Text extraction is designed in:
 * - Each CID maps to its share of its cluster's characters (pdf.js reads these).
 * - Glyphs that carry characters are shown in one text object, offsets as TJ
 *   adjustments and rise, so readers see one unbroken line.
 * - A cluster's extra glyphs (marks, vowel parts) carry no characters; they
 *   are drawn in a second text object, each placed on its own, so that a
 *   reader that skips them never loses its place in the line.
 * - Runs that need it carry /ActualText inside BT/ET (poppler reads that).
 *   Poppler lays ActualText out as if it were visual, so a right-to-left run
 *   carries its text reversed; the extra glyphs carry an empty ActualText.
 */
export function glyphRunOperators(run: GlyphRunItem, fonts: PdfFonts): string[] {
  const parts = glyphRunParts(run, fonts);
  const ops = [...parts.open];
  if (parts.actual !== undefined) ops.push(`/Span <</ActualText ${utf16Hex(parts.actual)}>> BDC`);
  ops.push(...parts.main);
  if (parts.actual !== undefined) ops.push('EMC');
  ops.push('ET');
  if (parts.extra.length > 0) ops.push(...parts.extraOpen, ...parts.extra, ...parts.extraClose);
  return ops;
}

/**
 * A glyph run's operators in parts, so that a tagged document can wrap the
 * glyphs that carry text in their own marked content (with the ActualText
 * in the same dictionary as the MCID: poppler's tag-tree reader ends an
 * MCID's text at the first EMC inside it), and the glyphs that carry none
 * (mark glyphs, a line-end hyphen) in an artifact:
 * `open` (BT, font, matrix) · `main` · ET · `extraOpen` · `extra` · `extraClose`.
 */
export interface GlyphRunParts {
  readonly open: readonly string[];
  /** The run's text for /ActualText (reversed for right-to-left runs), when readers need it. */
  readonly actual?: string;
  readonly main: readonly string[];
  readonly extraOpen: readonly string[];
  readonly extra: readonly string[];
  readonly extraClose: readonly string[];
}

export function glyphRunParts(run: GlyphRunItem, fonts: PdfFonts): GlyphRunParts {
  const font = loadFont(run.face);
  const resource = fonts.select(font);
  const scale = run.size / font.unitsPerEm;
  let pen = 0;
  const placed: Placed[] = [];
  const withText: Placed[] = [];
  let textless = false;
  for (const glyph of run.glyphs) {
    const at = { glyph, x: pen + glyph.xOffset * scale, rise: glyph.yOffset * scale };
    pen += glyph.xAdvance * scale;
    placed.push(at);
    if (glyph.text === '') textless = true;
    else forReaders(at, font, withText);
  }
  const texted = oneStillGlyphInARow(withText, run.rtl, font.invisible);
  const shown = run.rtl ? markRightToLeft(texted, carrierOf(font)) : texted;
  const main = showInLine(shown, run, font, fonts);
  const size = num(run.size);
  const extra: string[] = [];
  if (textless) {
    for (const at of placed) {
      if (at.glyph.text !== '') continue;
      extra.push(`1 0 0 -1 ${num(run.x + at.x)} ${num(run.y - at.rise)} Tm`, `<${fonts.encode(font, at.glyph, run.rtl).hex}> Tj`);
    }
  }
  for (const op of main.handedOn) extra.push(op);
  return {
    open: ['BT', `/${resource} ${size} Tf`, `1 0 0 -1 ${num(run.x)} ${num(run.y)} Tm`],
    ...(needsActualText(run) ? { actual: run.rtl ? shown.map((at) => drawnText(at.glyph, true)).join('') : run.text } : {}),
    main: main.ops,
    extraOpen: ['BT', `/${resource} ${size} Tf`, EMPTY_ACTUAL_TEXT],
    extra,
    extraClose: ['EMC', 'ET'],
  };
}

const EMPTY_ACTUAL_TEXT = `/Span <</ActualText ${utf16Hex('')}>> BDC`;

/** An invisible glyph carrying text, drawn where the pen is (before `at`, or after it when `follows`). */
function carry(invisible: number, at: Placed, text: string, follows: boolean): Placed {
  return { glyph: { id: invisible, xAdvance: 0, xOffset: 0, yOffset: 0, text }, x: at.x, rise: at.rise, follows };
}

/** Carriers of letter marks stay on the baseline: a rise would split the line's TJ with Ts. */
const carrierOf = (font: LoadedFont): ((at: Placed, text: string) => Placed) | undefined =>
  font.invisible === undefined ? undefined : (at, text) => ({ ...carry(font.invisible!, at, text, at.glyph.xAdvance === 0), rise: 0 });

const NON_SPACING = /\p{Mn}/u;

/**
 * pdf.js takes any glyph whose text holds a non-spacing mark for a
 * zero-width diacritic and does not advance past it, so the next glyph looks
 * like the start of a new word or line. A glyph that advances keeps only its
 * first run of other characters; the marks and anything after them ride on
 * invisible zero-width glyphs just before or after it, in logical order.
 * (Poppler reads these runs' ActualText instead.)
 */
function forReaders(at: Placed, font: LoadedFont, out: Placed[]): void {
  const { text } = at.glyph;
  const invisible = font.invisible;
  // No non-spacing mark comes before U+0300.
  if (invisible === undefined || at.glyph.xAdvance === 0 || (text.length === 1 && text.charCodeAt(0) < 0x300) || !NON_SPACING.test(text)) {
    out.push(at);
    return;
  }
  const segments = text.match(/\p{Mn}+|\P{Mn}+/gu) ?? [text];
  const own = segments.findIndex((segment) => !NON_SPACING.test(segment));
  if (own < 0) {
    out.push(at);
    return;
  }
  const carrier = (segment: string, follows: boolean): Placed => carry(invisible, at, segment, follows);
  out.push(
    ...segments.slice(0, own).map((segment) => carrier(segment, false)),
    { ...at, glyph: { ...at.glyph, text: segments[own]! } },
    ...segments.slice(own + 1).map((segment) => carrier(segment, true)),
  );
}

/**
 * Shows glyphs as TJ arrays from the run's origin: each gap becomes an
 * adjustment, each rise a Ts, and glyphs with nothing between them share one
 * hex string. A glyph that handed its characters on is left out of the text
 * but its adjustment stays (merged into the next), and it is shown by itself
 * where the TJ would have put it (to a millionth of a point), so the page
 * prints the same; PDFium orders text objects by where they start, so it
 * must not start at the run's origin.
 */
function showInLine(
  glyphs: readonly Placed[],
  run: GlyphRunItem,
  font: LoadedFont,
  fonts: PdfFonts,
): { ops: string[]; handedOn: string[] } {
  const ops: string[] = [];
  const handedOn: string[] = [];
  const perPoint = 1000 / run.size;
  let shown: string[] = [];
  let hex = '';
  let cursor = 0;
  let rise = 0;
  /** How far the TJ operators written so far move the text position, in thousandths of text space. */
  let written = 0;
  /** Adjustments not written yet (those of handed-on glyphs), as TJ numbers. */
  let pending = 0;
  const endString = (): void => {
    if (hex !== '') shown.push(`<${hex}>`);
    hex = '';
  };
  const flush = (): void => {
    endString();
    if (shown.length > 0) ops.push(`[${shown.join(' ')}] TJ`);
    shown = [];
  };
  const canRaise = fonts.canRaise(font);
  for (const at of glyphs) {
    const inFont = canRaise && !at.follows && at.rise !== 0;
    const encoded = fonts.encode(font, at.glyph, run.rtl, inFont);
    const atRise = inFont ? 0 : at.rise;
    const x = at.follows ? cursor : at.x;
    const gap = (x - cursor) * perPoint;
    const adjust = Math.abs(gap) > 0.0005 ? Number(num(-gap)) : 0;
    cursor = x + encoded.width / perPoint;
    if (at.handedOn === true) {
      const raised = atRise === 0 ? [] : [`${num(atRise)} Ts`];
      const drawnX = Number(num(run.x)) + ((written - pending - adjust) * Number(num(run.size))) / 1000;
      handedOn.push(`1 0 0 -1 ${fine(drawnX)} ${num(run.y)} Tm`, ...raised, `<${encoded.hex}> Tj`, ...raised.map(() => '0 Ts'));
      pending += adjust - encoded.width;
      continue;
    }
    if (atRise !== rise) {
      flush();
      ops.push(`${num(atRise)} Ts`);
      rise = atRise;
    }
    const moved = pending + adjust === 0 ? '0' : num(pending + adjust);
    if (moved !== '0') {
      endString();
      shown.push(moved);
    }
    written += encoded.width - (pending + adjust);
    pending = 0;
    hex += encoded.hex;
  }
  flush();
  if (rise !== 0) ops.push('0 Ts');
  return { ops, handedOn };
}
