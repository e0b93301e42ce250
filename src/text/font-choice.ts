import type { LoadedFont } from '../fonts/loaded-font.js';
import type { FontChain } from '../fonts/font-set.js';
import { faceScale } from '../fonts/optical-scale.js';

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
  return widerSpaces(chars, chosen);
}

/** A space's width in ems at the size its font is drawn, or 0 when the font has none. */
function spaceWidth(font: LoadedFont): number {
  const glyph = font.hbFont.nominalGlyph(0x20);
  return glyph === undefined ? 0 : (font.hbFont.glyphHAdvance(glyph) / font.unitsPerEm) * faceScale(font.face);
}

/**
 * A space between two fonts takes the wider of their spaces: Nastaliq's
 * space is half of Noto Sans's, and a Latin name in an Urdu sentence would
 * touch its neighbours. Never a last-resort face (emoji: its space is an em
 * wide). Works on UTF-16 units; returns the same array.
 */
function widerSpaces(chars: readonly string[], chosen: LoadedFont[]): LoadedFont[] {
  let unit = 0;
  const starts = chars.map((char) => {
    const at = unit;
    unit += char.length;
    return at;
  });
  // The next character that is not a space, found walking back once (a search forward from each space was
  // quadratic: a 100,000-character string with 16,000 spaces took seconds).
  const nextOther: number[] = [];
  for (let i = chars.length - 1, next = -1; i >= 0; i--) {
    nextOther[i] = next;
    if (chars[i] !== ' ') next = i;
  }
  chars.forEach((char, i) => {
    if (char !== ' ') return;
    const next = nextOther[i]!;
    if (next < 0) return;
    const own = chosen[starts[i]!]!;
    const other = chosen[starts[next]!]!;
    const usable = other.face.scripts.length > 0 && other.has(0x20);
    if (other !== own && usable && spaceWidth(other) > spaceWidth(own)) chosen[starts[i]!] = other;
  });
  return chosen;
}
