import type { LoadedFont } from '../fonts/loaded-font.js';

/** Chooses a font for one character; `previous` is the font of the character before it. */
export interface FontChain {
  pick(char: string, bold: boolean, previous: LoadedFont | undefined): LoadedFont | undefined;
}

/** Gives the font chain for a language (Han glyphs differ between zh-Hans, zh-Hant and ko). */
export interface FontLibrary {
  chain(lang: string): FontChain;
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
 * Picks a font for every character. Marks, joiners, selectors and invisible
 * controls stay in the font of the character before them, so a cluster is
 * never split between fonts. Returns the chosen font per UTF-16 unit.
 */
export function chooseFonts(chars: readonly string[], bold: readonly boolean[], chain: FontChain): LoadedFont[] {
  const chosen: LoadedFont[] = [];
  let previous: LoadedFont | undefined;
  chars.forEach((char, i) => {
    const weight = bold[i] ? 700 : 400;
    const keep = previous && clings(char) && previous.face.weight === weight;
    const font = keep ? previous : (chain.pick(char, bold[i] ?? false, previous) ?? (clings(char) ? previous : undefined));
    if (!font) throw new MissingGlyphError(char);
    for (let unit = 0; unit < char.length; unit++) chosen.push(font);
    previous = font;
  });
  return chosen;
}
