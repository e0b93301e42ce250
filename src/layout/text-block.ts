import { InputError } from '../errors.js';
import type { Align, Inline } from '../parse/notice-tree.js';
import { describeChar, MissingGlyphError } from '../text/font-choice.js';
import { layoutParagraph, type ParagraphLayout, type TextSpan } from '../text/paragraph.js';
import type { LayoutContext, Laid } from './context.js';
import { laidNode, type Item, type Role } from './items.js';

export interface TextBlockStyle {
  readonly role: Role;
  readonly size: number;
  readonly leading: number;
  readonly align: Align;
  readonly bold: boolean;
  /** Lines of even length, and no short last line (see signRules): titles, key lines, the name band. */
  readonly sign?: boolean;
}

/** Scripts whose characters each carry a word or a syllable: a last line of four of them is enough. */
const WIDE = /^(zh|ja|ko)\b/u;
/** Scripts written without spaces between words (a phrase is one "word" between spaces): no count of words. */
const UNSPACED = /^(my|th|lo|km)\b/u;

/**
 * A sign's line rules: balanced lines, and a last line of at least two words
 * and about twelve characters (ten letters; "by a judge." alone is an
 * orphan, and so is "inmigración."), or four CJK characters.
 */
function signRules(lang: string): { balance: boolean; minLastLineChars: number; minLastLineWords: number } {
  return WIDE.test(lang)
    ? { balance: true, minLastLineChars: 4, minLastLineWords: 1 }
    : { balance: true, minLastLineChars: 10, minLastLineWords: UNSPACED.test(lang) ? 1 : 2 };
}

/** Lays out one block of text, turning a missing glyph into an input error that names field and language. */
export function shapeText(inlines: readonly Inline[], style: TextBlockStyle, ctx: LayoutContext): ParagraphLayout {
  const spans: TextSpan[] = inlines.map((inline) => ({
    text: inline.text,
    bold: style.bold || inline.bold,
    isolate: inline.field !== undefined,
  }));
  // A block that is only business data (a name on its own) takes its direction from its first strong letter.
  const bidi = inlines.length > 0 && inlines.every((inline) => inline.field !== undefined) ? 'auto' : ctx.dir;
  try {
    return layoutParagraph(
      spans,
      {
        size: style.size,
        leading: style.leading,
        align: style.align,
        direction: ctx.dir,
        bidi,
        lang: ctx.lang,
        ...(style.sign ? signRules(ctx.lang) : {}),
        ...(style.role === 'H1' || style.role === 'H2' ? { display: true } : {}),
      },
      ctx.width,
      ctx.fonts.chain(ctx.lang),
      ctx.caches?.text,
    );
  } catch (error) {
    if (!(error instanceof MissingGlyphError)) throw error;
    const owner = inlines.find((inline) => inline.text.includes(error.char));
    throw new InputError([
      {
        field: owner?.field ?? `text of language ${ctx.lang}`,
        value: owner?.text,
        message: `the character ${describeChar(error.char)} is in no available font (language ${ctx.lang}); remove it, or add a font that has it with --font FILE`,
      },
    ]);
  }
}

/** Turns a paragraph layout into a tagged node of glyph runs. */
export function textNode(inlines: readonly Inline[], layout: ParagraphLayout, style: TextBlockStyle, ctx: LayoutContext): Laid {
  const items: Item[] = layout.lines.flatMap((line) =>
    line.map((run): Item => ({
      type: 'glyphs',
      face: run.font.face,
      size: run.size,
      x: run.x,
      y: run.baseline,
      glyphs: run.glyphs,
      text: run.text,
      rtl: run.rtl,
      color: ctx.color,
    })),
  );
  const fields = [...new Set(inlines.flatMap((inline) => (inline.field ? [inline.field] : [])))];
  const sample = inlines.map((inline) => inline.text).join('');
  const first = layout.lines[0];
  return {
    height: layout.height,
    ...(first && first.length > 0 ? { baseline: Math.min(...first.map((run) => run.baseline)) } : {}),
    nodes: [laidNode(style.role, items, [])],
    texts: [{ lang: ctx.lang, fields, sample, height: layout.height, inSection: ctx.inSection }],
  };
}

export function layoutText(inlines: readonly Inline[], style: TextBlockStyle, ctx: LayoutContext): Laid {
  return textNode(inlines, shapeText(inlines, style, ctx), style, ctx);
}

/** Far wider than any page: a paragraph laid out this wide stays on one line. */
const UNBOUNDED = 1e6;

/** The width of a paragraph's longest line. */
export function layoutWidth(layout: ParagraphLayout): number {
  return Math.max(0, ...layout.lines.map((line) => line.reduce((sum, run) => sum + run.width, 0)));
}

/**
 * Text that must stay on one line (a link, the version line): laid out at
 * `style.size`, or smaller until it fits `ctx.width`, but never below
 * `minSize`. Returns undefined when it cannot fit at `minSize`; the layout
 * starts at x = 0, and `width` says how wide the line is.
 */
export function layoutOneLine(
  inlines: readonly Inline[],
  style: TextBlockStyle,
  ctx: LayoutContext,
  minSize: number,
): { laid: Laid; width: number; size: number } | undefined {
  // Aligned to the left edge (x = 0) in either direction: "start" of a right-to-left line is the far right of UNBOUNDED.
  const left = ctx.dir === 'rtl' ? 'end' : 'start';
  const natural = layoutWidth(shapeText(inlines, { ...style, align: left }, { ...ctx, width: UNBOUNDED }));
  const size = natural > ctx.width ? (style.size * ctx.width * 0.995) / natural : style.size;
  if (!(size >= minSize)) return undefined;
  const sized = { ...style, size, align: left } as const;
  const layout = shapeText(inlines, sized, { ...ctx, width: UNBOUNDED });
  return { laid: textNode(inlines, layout, sized, ctx), width: layoutWidth(layout), size };
}

/** Average advance of one character (grapheme) of `inlines` at `size` in the context's language. */
export function averageAdvance(inlines: readonly Inline[], size: number, ctx: LayoutContext): number {
  const text = inlines.map((inline) => inline.text).join('');
  const count = [...new Intl.Segmenter(ctx.lang, { granularity: 'grapheme' }).segment(text)].length;
  if (count === 0) return 0;
  const style = { role: 'P', size, leading: ctx.theme.leading.body, align: 'start', bold: false } as const;
  return layoutWidth(shapeText(inlines, style, { ...ctx, width: UNBOUNDED })) / count;
}
