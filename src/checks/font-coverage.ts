import { describeChar, MissingGlyphError } from '../text/font-choice.js';
import type { FontLibrary } from '../fonts/font-set.js';
import { layoutParagraph } from '../text/paragraph.js';
import type { Direction } from '../text/shape.js';

export interface Coverage {
  /** Font families that drew the text. */
  readonly families: readonly string[];
  /** Characters no font could draw, as "U+0000 "x"". */
  readonly missing: readonly string[];
}

/**
 * Checks that a language's text can be drawn: every character through the
 * real text engine (font choice and shaping, regular and bold), so a missing
 * glyph is found here rather than on paper.
 */
export function checkCoverage(texts: readonly string[], lang: string, direction: Direction, fonts: FontLibrary): Coverage {
  const families = new Set<string>();
  const missing = new Set<string>();
  const chain = fonts.chain(lang);
  const queue = texts.flatMap((text) => [
    { text, bold: false },
    { text, bold: true },
  ]);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { text, bold } = next;
    try {
      const layout = layoutParagraph([{ text, bold }], { size: 10, leading: 1.3, align: 'start', direction, lang }, 1e6, chain);
      for (const run of layout.lines.flat()) families.add(run.font.face.family);
    } catch (error) {
      if (!(error instanceof MissingGlyphError)) throw error;
      missing.add(describeChar(error.char));
      const rest = text.replaceAll(error.char, '');
      if (rest !== text) queue.push({ text: rest, bold });
    }
  }
  return { families: [...families].sort(), missing: [...missing].sort() };
}
