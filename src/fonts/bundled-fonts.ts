import { createRequire } from 'node:module';

/** Unicode scripts (ISO 15924 names as used in \p{Script=…}) that placard chooses fonts by. */
export type ScriptName =
  | 'Latin'
  | 'Cyrillic'
  | 'Greek'
  | 'Arabic'
  | 'Han'
  | 'Bopomofo'
  | 'Hangul'
  | 'Devanagari'
  | 'Bengali'
  | 'Gurmukhi'
  | 'Ethiopic'
  | 'Myanmar';

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
  /** Scripts this face is chosen for (it may cover more). Empty: a last resort (emoji, symbols). */
  readonly scripts: readonly ScriptName[];
  /** Languages that prefer this face for its scripts (Han differs between zh-Hans, zh-Hant and ko). */
  readonly preferredBy?: readonly string[];
  /** Lines holding this face need this much more room (tall stacks above or below the letters). */
  readonly leading?: number;
}

const require = createRequire(import.meta.url);

interface Family {
  readonly pkg: string;
  readonly family: string;
  readonly stem: string;
  readonly scripts: readonly ScriptName[];
  readonly preferredBy?: readonly string[];
  readonly leading?: number;
}

/** Bundled families in fallback order: a character goes to the first face of its script that has it. */
const FAMILIES: readonly Family[] = [
  { pkg: 'noto-sans', family: 'Noto Sans', stem: 'NotoSans', scripts: ['Latin', 'Cyrillic', 'Greek'] },
  { pkg: 'noto-sans-arabic', family: 'Noto Sans Arabic', stem: 'NotoSansArabic', scripts: ['Arabic'], leading: 1.1 },
  // Urdu is read in Nastaliq; Naskh (Noto Sans Arabic) stays the face for Arabic, Farsi and the rest.
  {
    pkg: 'noto-nastaliq-urdu',
    family: 'Noto Nastaliq Urdu',
    stem: 'NotoNastaliqUrdu',
    scripts: ['Arabic'],
    preferredBy: ['ur'],
    leading: 1.7,
  },
  { pkg: 'noto-sans-sc', family: 'Noto Sans SC', stem: 'NotoSansSC', scripts: ['Han', 'Bopomofo'], preferredBy: ['zh-Hans'] },
  { pkg: 'noto-sans-tc', family: 'Noto Sans TC', stem: 'NotoSansTC', scripts: ['Han', 'Bopomofo'], preferredBy: ['zh-Hant'] },
  { pkg: 'noto-sans-kr', family: 'Noto Sans KR', stem: 'NotoSansKR', scripts: ['Hangul', 'Han'], preferredBy: ['ko'] },
  { pkg: 'noto-sans-devanagari', family: 'Noto Sans Devanagari', stem: 'NotoSansDevanagari', scripts: ['Devanagari'], leading: 1.1 },
  { pkg: 'noto-sans-bengali', family: 'Noto Sans Bengali', stem: 'NotoSansBengali', scripts: ['Bengali'], leading: 1.1 },
  { pkg: 'noto-sans-gurmukhi', family: 'Noto Sans Gurmukhi', stem: 'NotoSansGurmukhi', scripts: ['Gurmukhi'], leading: 1.1 },
  { pkg: 'noto-sans-ethiopic', family: 'Noto Sans Ethiopic', stem: 'NotoSansEthiopic', scripts: ['Ethiopic'] },
  { pkg: 'noto-sans-myanmar', family: 'Noto Sans Myanmar', stem: 'NotoSansMyanmar', scripts: ['Myanmar'], leading: 1.3 },
  { pkg: 'noto-emoji', family: 'Noto Emoji', stem: 'NotoEmoji', scripts: [] },
];

function face(family: Family, weight: 400 | 700): FontFace {
  const style = weight === 700 ? '700Bold' : '400Regular';
  // Each path is found when first read: finding all 48 at start cost a cold render ~8 ms of CPU (measured
  // 2026-12-02), and a render reads those of the two to six faces it uses.
  let file: string | undefined;
  let licence: string | undefined;
  return {
    id: `${family.stem}-${weight}`,
    family: family.family,
    weight,
    get file() {
      return (file ??= require.resolve(`@expo-google-fonts/${family.pkg}/${style}/${family.stem}_${style}.ttf`));
    },
    get licence() {
      return (licence ??= require.resolve(`@expo-google-fonts/${family.pkg}/LICENSE_FONT`));
    },
    scripts: family.scripts,
    ...(family.preferredBy ? { preferredBy: family.preferredBy } : {}),
    ...(family.leading ? { leading: family.leading } : {}),
  };
}

let faces: readonly FontFace[] | undefined;

/** Every bundled face, regular and bold, in fallback order. Nothing is read until a face is used. */
export function bundledFaces(): readonly FontFace[] {
  faces ??= FAMILIES.flatMap((family) => [face(family, 400), face(family, 700)]);
  return faces;
}
