import { createRequire } from 'node:module';

/** A font face placard can use: where its file is and what it is for. */
export interface FontFace {
  /** Stable id, used in layout items and cache keys. */
  readonly id: string;
  readonly family: string;
  readonly weight: 400 | 700;
  /** Absolute path of a static TTF/OTF file. */
  readonly file: string;
  /** The licence file shipped beside the font. */
  readonly licence: string;
  /** What the face is for, shown by `placard fonts list`. */
  readonly covers: string;
}

const require = createRequire(import.meta.url);
const resolve = (specifier: string): string => require.resolve(specifier);

function expoFace(pkg: string, family: string, stem: string, weight: 400 | 700, covers: string): FontFace {
  const style = weight === 700 ? '700Bold' : '400Regular';
  return {
    id: `${stem}-${weight}`,
    family,
    weight,
    file: resolve(`@expo-google-fonts/${pkg}/${style}/${stem}_${style}.ttf`),
    licence: resolve(`@expo-google-fonts/${pkg}/LICENSE_FONT`),
    covers,
  };
}

/**
 * The fonts that ship with placard, in fallback order: a character is drawn
 * with the first face (of the wanted weight) that has a glyph for it.
 */
export function bundledFaces(): readonly FontFace[] {
  const latin = 'Latin (with Vietnamese), Cyrillic, Greek';
  const emoji = 'Emoji and symbols (monochrome)';
  return [
    expoFace('noto-sans', 'Noto Sans', 'NotoSans', 400, latin),
    expoFace('noto-sans', 'Noto Sans', 'NotoSans', 700, latin),
    expoFace('noto-emoji', 'Noto Emoji', 'NotoEmoji', 400, emoji),
    expoFace('noto-emoji', 'Noto Emoji', 'NotoEmoji', 700, emoji),
  ];
}
