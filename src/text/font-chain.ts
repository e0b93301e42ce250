import type { LoadedFont } from '../fonts/loaded-font.js';

/** The fonts to try, in order, for each weight. */
export interface FontChain {
  readonly regular: readonly LoadedFont[];
  readonly bold: readonly LoadedFont[];
}

/** A character no available font can draw. */
export class MissingGlyphError extends Error {
  override readonly name = 'MissingGlyphError';
  constructor(readonly char: string) {
    super(`no font has the character ${describeChar(char)}`);
  }
}

export function describeChar(char: string): string {
  const hex = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} "${char}"`;
}

/** Characters that never start a run of their own: they stay with the character before them. */
const CLINGS = /[\p{M}\p{Default_Ignorable_Code_Point}\p{Emoji_Modifier}]/u;

export function clings(char: string): boolean {
  return CLINGS.test(char);
}

/**
 * Picks a font for every character: the first in the chain that has it.
 * Marks, joiners, selectors and invisible controls stay in the font of the
 * character before them, so a cluster is never split between fonts.
 * Returns the chosen font per UTF-16 unit.
 */
export function chooseFonts(chars: readonly string[], bold: readonly boolean[], chain: FontChain): LoadedFont[] {
  const chosen: LoadedFont[] = [];
  let previous: LoadedFont | undefined;
  chars.forEach((char, i) => {
    const fonts = bold[i] ? chain.bold : chain.regular;
    let font: LoadedFont | undefined;
    if (previous && clings(char) && sameWeight(previous, fonts)) font = previous;
    font ??= fonts.find((candidate) => candidate.has(char.codePointAt(0)!));
    if (!font && clings(char)) font = fonts[0];
    if (!font) throw new MissingGlyphError(char);
    for (let unit = 0; unit < char.length; unit++) chosen.push(font);
    previous = font;
  });
  return chosen;
}

function sameWeight(font: LoadedFont, fonts: readonly LoadedFont[]): boolean {
  return fonts.includes(font);
}
