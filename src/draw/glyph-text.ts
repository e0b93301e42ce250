import { loadFont, type LoadedFont } from '../fonts/loaded-font.js';
import type { GlyphRunItem } from '../layout/items.js';
import type { ShapedGlyph } from '../text/shape.js';
import { GlyphRunCache, type GlyphEntry, type PlacedEntry, type RunShape } from './glyph-run-cache.js';
import { CID_PLACEHOLDER, type PdfFonts } from './pdf-fonts.js';
import { actualTextLiteral, type PageContent } from './pdfkit-internals.js';
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
  return new GlyphRuns(fonts).operators(run).split('\n');
}

/**
 * A glyph run's operators in parts, so that a tagged document can wrap the
 * glyphs that carry text in their own marked content (with the ActualText
 * in the same dictionary as the MCID: poppler's tag-tree reader ends an
 * MCID's text at the first EMC inside it), and the glyphs that carry none
 * (mark glyphs, a line-end hyphen) in an artifact:
 * `open` (BT, font, matrix) · `main` · ET · then, apart, `extraOpen` (BT, font) · artifact · `extra` · `extraClose`.
 * Each part is operators joined by line feeds.
 */
export interface GlyphRunParts {
  readonly open: string;
  /** The run's text for /ActualText (reversed for right-to-left runs), when readers need it. */
  readonly actual: string | undefined;
  /** `actual` as a PDF string (pdfkit-internals.ts actualTextLiteral), when it is not empty. */
  readonly actualLiteral: string | undefined;
  /** The glyphs that carry text; undefined when none does. */
  readonly main: string | undefined;
  /** Where in `main` each of `mainEntries`' hex goes, when it holds placeholders (CIDs given later: PageContent.appendSlots). */
  readonly mainOffsets: readonly number[] | undefined;
  readonly mainEntries: readonly GlyphEntry[];
  readonly extraOpen: string;
  /** The glyphs drawn apart, each placed on its own, after an empty ActualText; undefined when there are none. */
  readonly extra: string | undefined;
  readonly extraOffsets: readonly number[] | undefined;
  readonly extraEntries: readonly GlyphEntry[];
}

/**
 * Draws glyph runs into one document: each run's shape (operators with a
 * slot per glyph entry, kept by the session's GlyphRunCache when there is
 * one) filled in with the document's CIDs, which it asks PdfFonts for once
 * per entry, in the order drawing the runs first needs them.
 */
export class GlyphRuns {
  /** This drawing's own token: entries encoded for it carry it. */
  private readonly doc = {};

  constructor(
    private readonly fonts: PdfFonts,
    private readonly cache: GlyphRunCache = new GlyphRunCache(),
  ) {}

  parts(run: GlyphRunItem): GlyphRunParts {
    const found = this.cache.shapeOf(run.glyphs);
    const shape = found !== undefined && found.face === run.face && found.size === run.size && found.rtl === run.rtl ? found : undefined;
    const font = shape?.font ?? loadFont(run.face);
    const resource = this.fonts.select(font);
    const made = shape ?? this.make(run, font);
    const doc = this.doc;
    for (const entry of made.order) {
      if (entry.doc !== doc) {
        entry.encoded = this.fonts.encode(font, entry.glyph, entry.rtl, entry.raised, entry);
        entry.doc = doc;
      }
    }
    const deferred = this.fonts.deferred;
    let main: string | undefined;
    let mainOffsets: readonly number[] | undefined;
    const literals = made.literals;
    if (literals !== undefined) {
      if (deferred) {
        main = made.slotted!.text;
        mainOffsets = made.slotted!.offsets;
      } else {
        const entries = made.entries;
        main = literals[0]!;
        for (let i = 0; i < entries.length; i++) main += entries[i]!.encoded!.hex + literals[i + 1]!;
      }
    }
    const x = num(run.x);
    const y = num(run.y);
    const font_ = `/${resource} ${made.sizeText} Tf`;
    let extra: string | undefined;
    const extraOffsets: number[] | undefined = deferred ? [] : undefined;
    const extraEntries: GlyphEntry[] = [];
    if (made.textless.length > 0 || made.handedOn.length > 0) {
      extra = EMPTY_ACTUAL_TEXT;
      /** `<hex> Tj` for an entry: its hex, or a placeholder and where it is. */
      const show = (entry: GlyphEntry): void => {
        extra += '\n<';
        if (extraOffsets !== undefined) {
          extraOffsets.push(extra!.length);
          extraEntries.push(entry);
        }
        extra += `${entry.encoded!.hex}> Tj`;
      };
      for (const at of made.textless) {
        extra += `\n1 0 0 -1 ${num(run.x + at.x)} ${num(run.y - at.rise)} Tm`;
        show(at.entry);
      }
      if (made.handedOn.length > 0) {
        const left = Number(x);
        const size = Number(made.sizeText);
        for (const at of made.handedOn) {
          const drawnX = left + (at.offset * size) / 1000;
          extra += `\n1 0 0 -1 ${fine(drawnX)} ${y} Tm`;
          if (at.raisedBy === undefined) show(at.entry);
          else {
            extra += `\n${at.raisedBy} Ts`;
            show(at.entry);
            extra += '\n0 Ts';
          }
        }
      }
    }
    const actual = made.actual === true ? run.text : made.actual;
    let actualLiteral: string | undefined;
    if (actual) {
      const kept = made.actualLiteral;
      if (kept.text !== actual) {
        kept.text = actual;
        kept.literal = actualTextLiteral(actual);
      }
      actualLiteral = kept.literal;
    }
    return {
      open: `BT\n${font_}\n1 0 0 -1 ${x} ${y} Tm`,
      actual,
      actualLiteral,
      main,
      mainOffsets,
      mainEntries: made.entries,
      extraOpen: `BT\n${font_}`,
      extra,
      extraOffsets,
      extraEntries,
    };
  }

  /**
   * A run's operators, untagged, into a page's content, with a line feed after (as PDFKit writes operators):
   * its ActualText, if any, in a marked content sequence of its own.
   */
  write(run: GlyphRunItem, out: PageContent): void {
    const parts = this.parts(run);
    out.append(parts.open);
    if (parts.actual !== undefined) out.append(`\n/Span <</ActualText ${utf16Hex(parts.actual)}>> BDC`);
    if (parts.main !== undefined) {
      out.append('\n');
      out.appendSlots(parts.main, parts.mainOffsets, parts.mainEntries);
    }
    if (parts.actual !== undefined) out.append('\nEMC');
    out.append('\nET');
    if (parts.extra !== undefined) {
      out.append(`\n${parts.extraOpen}\n`);
      out.appendSlots(parts.extra, parts.extraOffsets, parts.extraEntries);
      out.append('\nEMC\nET');
    }
    out.append('\n');
  }

  /** A run's operators, untagged, as `write` gives them (CIDs in drawing order: with canonical CIDs, placeholders stay). */
  operators(run: GlyphRunItem): string {
    let ops = '';
    const add = (text: string): void => {
      ops += text;
    };
    this.write(run, { append: add, appendSlots: add });
    return ops.slice(0, -1);
  }

  private make(run: GlyphRunItem, font: LoadedFont): RunShape {
    const shape = runShape(run, font, this.fonts.canRaise(font), this.cache);
    this.cache.keep(run.glyphs, shape);
    return shape;
  }
}

/** Makes a run's shape: where each glyph goes and which CID entry it draws, for any document and any position. */
function runShape(run: GlyphRunItem, font: LoadedFont, canRaise: boolean, cache: GlyphRunCache): RunShape {
  const scale = run.size / font.unitsPerEm;
  let pen = 0;
  const withText: Placed[] = [];
  const textlessAt: Placed[] = [];
  for (const glyph of run.glyphs) {
    const at = { glyph, x: pen + glyph.xOffset * scale, rise: glyph.yOffset * scale };
    pen += glyph.xAdvance * scale;
    if (glyph.text === '') textlessAt.push(at);
    else forReaders(at, font, withText);
  }
  const texted = oneStillGlyphInARow(withText, run.rtl, font.invisible);
  const shown = run.rtl ? markRightToLeft(texted, carrierOf(font)) : texted;
  const order = new Set<GlyphEntry>();
  const main = showInLine(shown, run, font, canRaise, cache, order);
  const textless: PlacedEntry[] = [];
  for (const at of textlessAt) {
    const entry = cache.entry(font, at.glyph, run.rtl, false);
    order.add(entry);
    textless.push({ entry, x: at.x, rise: at.rise, offset: 0, raisedBy: undefined });
  }
  return {
    face: run.face,
    size: run.size,
    rtl: run.rtl,
    font,
    sizeText: num(run.size),
    actual: needsActualText(run) ? (run.rtl ? shown.map((at) => drawnText(at.glyph, true)).join('') : true) : undefined,
    actualLiteral: { text: undefined, literal: '' },
    literals: main.literals,
    entries: main.entries,
    slotted: main.literals === undefined ? undefined : slotted(main.literals),
    textless,
    handedOn: main.handedOn,
    order: [...order],
  };
}

/** The line's operators with a placeholder between each two literals, and where each placeholder starts. */
function slotted(literals: readonly string[]): { text: string; offsets: number[] } {
  let text = literals[0]!;
  const offsets: number[] = [];
  for (let i = 1; i < literals.length; i++) {
    offsets.push(text.length);
    text += CID_PLACEHOLDER + literals[i]!;
  }
  return { text, offsets };
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
 * The operators come as literals with a glyph entry between each two (its hex goes there).
 */
function showInLine(
  glyphs: readonly Placed[],
  run: GlyphRunItem,
  font: LoadedFont,
  canRaise: boolean,
  cache: GlyphRunCache,
  order: Set<GlyphEntry>,
): { literals: string[] | undefined; entries: GlyphEntry[]; handedOn: PlacedEntry[] } {
  const literals: string[] = [''];
  const entries: GlyphEntry[] = [];
  const handedOn: PlacedEntry[] = [];
  const perPoint = 1000 / run.size;
  let ops = 0;
  /** The current TJ array: numbers, and strings of glyphs shown with nothing between them. */
  let shown: (string | GlyphEntry[])[] = [];
  let hex: GlyphEntry[] = [];
  let cursor = 0;
  let rise = 0;
  /** How far the TJ operators written so far move the text position, in thousandths of text space. */
  let written = 0;
  /** Adjustments not written yet (those of handed-on glyphs), as TJ numbers. */
  let pending = 0;
  const write = (text: string): void => {
    literals[literals.length - 1] += text;
  };
  const op = (text: string): void => {
    write(ops++ === 0 ? text : `\n${text}`);
  };
  const endString = (): void => {
    if (hex.length > 0) shown.push(hex);
    hex = [];
  };
  const flush = (): void => {
    endString();
    if (shown.length > 0) {
      op('[');
      shown.forEach((item, index) => {
        if (index > 0) write(' ');
        if (typeof item === 'string') write(item);
        else {
          write('<');
          for (const entry of item) {
            entries.push(entry);
            literals.push('');
          }
          write('>');
        }
      });
      write('] TJ');
    }
    shown = [];
  };
  for (const at of glyphs) {
    const inFont = canRaise && !at.follows && at.rise !== 0;
    const entry = cache.entry(font, at.glyph, run.rtl, inFont);
    order.add(entry);
    const atRise = inFont ? 0 : at.rise;
    const x = at.follows ? cursor : at.x;
    const gap = (x - cursor) * perPoint;
    const adjust = Math.abs(gap) > 0.0005 ? Number(num(-gap)) : 0;
    cursor = x + entry.width / perPoint;
    if (at.handedOn === true) {
      handedOn.push({ entry, x: 0, rise: 0, offset: written - pending - adjust, raisedBy: atRise === 0 ? undefined : num(atRise) });
      pending += adjust - entry.width;
      continue;
    }
    if (atRise !== rise) {
      flush();
      op(`${num(atRise)} Ts`);
      rise = atRise;
    }
    const moved = pending + adjust === 0 ? '0' : num(pending + adjust);
    if (moved !== '0') {
      endString();
      shown.push(moved);
    }
    written += entry.width - (pending + adjust);
    pending = 0;
    hex.push(entry);
  }
  flush();
  if (rise !== 0) op('0 Ts');
  return { literals: ops === 0 ? undefined : literals, entries, handedOn };
}
