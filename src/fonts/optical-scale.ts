import type { FontFace, ScriptName } from './bundled-fonts.js';

/** What an optical factor is chosen by: a script, or a style of one (Nastaliq), or emoji. */
export type OpticalKey = ScriptName | 'Nastaliq' | 'Emoji';

/**
 * How much larger than the nominal size a script is drawn so that it looks
 * as large as Latin at that size. Measured, not guessed: ink bounds of
 * glyphs shaped with HarfBuzz from the bundled static fonts (fontkit glyph
 * bboxes, em units), each script's body height against the Latin letter it
 * stands beside (test/fonts/optical-scale.test.ts measures them again):
 *
 * | script (face)               | body measured                         | height | against        | ratio |
 * |-----------------------------|---------------------------------------|--------|----------------|-------|
 * | Latin (Noto Sans)           | x (OS/2 sxHeight 536), o n 0.546      | 0.536  | itself         | 1.00  |
 * | Arabic (Noto Sans Arabic)   | bowl of ه (the Arabic x-height)       | 0.507  | x-height 0.536 | 1.06  |
 * | Nastaliq (Noto Nastaliq Urdu) | bowl of ه / ہ                       | 0.411  | x-height 0.536 | 1.30  |
 * | Myanmar (Noto Sans Myanmar) | က ဝ မ (consonant body)                | 0.546  | o n 0.546      | 1.00  |
 * | Devanagari, Bengali, Gurmukhi | क म न / ক ম ন / ਕ ਮ ਨ (to headline) | 0.622  | x-height 0.536 | 0.86  |
 * | Ethiopic (Noto Sans Ethiopic) | ሀ ለ መ ነ (letters are unicase)      | 0.714  | cap H 0.714    | 1.00  |
 * | Han (Noto Sans SC/TC)       | 国 区 永 ink height                    | 0.875  | cap H 0.714    | 0.82  |
 * | Hangul (Noto Sans KR)       | 한 구 역 ink height                    | 0.884  | cap H 0.714    | 0.81  |
 * | Emoji (Noto Emoji)          | ink top of 🍞 ☕ ❤ above the baseline   | 0.850  | cap H 0.714    | 0.84  |
 *
 * Scripts whose letters have a body with marks or strokes above and below
 * it (Arabic, Myanmar, Indic below the headline) are matched to the Latin
 * x-height; scripts whose letters fill one height (Ethiopic, Han, Hangul)
 * to the Latin cap height. A script is never drawn smaller than its nominal
 * size (a ratio below 1 stays 1: Han and Hangul are set at the size of the
 * text by long habit), except emoji, which stand among letters and are
 * brought to the cap height. Nastaliq is the one script that needs more:
 * its bowls are a quarter smaller than Naskh's, to leave room for its
 * slanted joins.
 */
export const OPTICAL_SCALE: Readonly<Record<OpticalKey, number>> = {
  Latin: 1,
  Cyrillic: 1,
  Greek: 1,
  Arabic: 1.06,
  Nastaliq: 1.3,
  Han: 1,
  Bopomofo: 1,
  Hangul: 1,
  Devanagari: 1,
  Bengali: 1,
  Gurmukhi: 1,
  Ethiopic: 1,
  Myanmar: 1,
  Emoji: 0.84,
};

/** The optical factor a face's glyphs are drawn at: by its style, else its main script; 1 for a user's font. */
export function faceScale(face: FontFace): number {
  if (face.family === 'Noto Nastaliq Urdu') return OPTICAL_SCALE.Nastaliq;
  if (face.family === 'Noto Emoji') return OPTICAL_SCALE.Emoji;
  const script = face.scripts[0];
  return script ? OPTICAL_SCALE[script] : 1;
}

/**
 * Headings are matched by how big they look, not by habit: Han and Hangul,
 * whose ink fills the em (0.875 and 0.884 em against the Latin cap height
 * 0.714, measured above), are drawn at that ratio in titles and subtitles,
 * so a Korean title no longer stands 24% taller than the English one beside
 * it. Body text keeps the long habit of nominal size (OPTICAL_SCALE).
 *
 * Nastaliq headings are matched to Arabic ones by the bowl of heh in the bold
 * faces headings are set in: 0.498 em in Noto Nastaliq Urdu Bold against
 * 0.557 em in Noto Sans Arabic Bold (drawn at 1.06), so 1.06 × 0.557 / 0.498
 * = 1.19, where the regular faces' 1.3 drew an Urdu title 46.4 pt beside an
 * Arabic one of 37.8 pt, its bowls 10% larger and its ink twice as tall.
 */
export const DISPLAY_SCALE: Readonly<Partial<Record<OpticalKey, number>>> = {
  Han: 0.82,
  Bopomofo: 0.82,
  Hangul: 0.81,
  Nastaliq: 1.19,
};

/** The optical factor a face's glyphs are drawn at in a heading (see DISPLAY_SCALE); else as faceScale. */
export function displayScale(face: FontFace): number {
  if (face.family === 'Noto Nastaliq Urdu') return DISPLAY_SCALE.Nastaliq ?? faceScale(face);
  const script = face.scripts[0];
  const display = script && face.family !== 'Noto Emoji' ? DISPLAY_SCALE[script] : undefined;
  return display ?? faceScale(face);
}
