import { basename } from 'node:path';
import type { FontChain, FontLibrary } from '../text/font-chain.js';
import { bundledFaces, type FontFace, type ScriptName } from './bundled-fonts.js';
import { readFontFile } from './font-file-check.js';
import { loadFont, type LoadedFont } from './loaded-font.js';

/** A user's --font file as a face; it is tried before the bundled fonts, for every script. */
export function userFace(file: string, index = 0): FontFace {
  readFontFile(file);
  // The id must differ between two files of the same name: PDFKit registers fonts by it.
  return {
    id: `user${index + 1}-${basename(file)}`,
    family: basename(file),
    weight: 400,
    file,
    licence: '(supplied by the user)',
    scripts: [],
  };
}

const SCRIPTS: readonly [ScriptName, RegExp][] = (
  ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Han', 'Bopomofo', 'Hangul', 'Devanagari', 'Bengali', 'Gurmukhi', 'Ethiopic', 'Myanmar'] as const
).map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')]);

const scriptCache = new Map<number, ScriptName | null>();

/** The Unicode script of a character, if it is one placard picks fonts by (else null: common, inherited, other). */
export function scriptOf(char: string): ScriptName | null {
  const codePoint = char.codePointAt(0)!;
  let script = scriptCache.get(codePoint);
  if (script === undefined) {
    script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? null;
    scriptCache.set(codePoint, script);
  }
  return script;
}

/**
 * Fonts by language, loaded lazily: a face is read the first time a
 * character needs it. A character goes to the first face made for its script
 * that has it; a common character (space, digit, punctuation) stays in the
 * previous font when that font has it; anything else goes to the first face
 * in the chain that has it.
 */
export class FontSet implements FontLibrary {
  private readonly users: readonly FontFace[];
  private readonly chains = new Map<string, FontChain>();

  constructor(userFonts: readonly string[] = []) {
    this.users = userFonts.map((file, index) => userFace(file, index));
  }

  chain(lang: string): FontChain {
    let chain = this.chains.get(lang);
    if (!chain) {
      chain = this.makeChain(lang);
      this.chains.set(lang, chain);
    }
    return chain;
  }

  /**
   * Faces in the order a language tries them, for one weight: the user's, the
   * language's own, then the rest. A user's font has one weight, so for bold
   * text it comes last: bold stays bold wherever a bundled bold face can draw it.
   */
  faces(lang: string, weight: 400 | 700): FontFace[] {
    const bundled = bundledFaces().filter((face) => face.weight === weight);
    const preferred = bundled.filter((face) => face.preferredBy?.includes(lang));
    const rest = bundled.filter((face) => !preferred.includes(face));
    return weight === 400 ? [...this.users, ...preferred, ...rest] : [...preferred, ...rest, ...this.users];
  }

  private makeChain(lang: string): FontChain {
    const order = { 400: this.faces(lang, 400), 700: this.faces(lang, 700) };
    const memo = new Map<string, LoadedFont | undefined>();
    return {
      pick: (char, bold, previous) => {
        const codePoint = char.codePointAt(0)!;
        const faces = order[bold ? 700 : 400];
        const script = scriptOf(char);
        if (!script && previous && faces.includes(previous.face) && previous.has(codePoint)) return previous;
        const key = `${bold ? 'b' : 'r'}${codePoint}`;
        if (!memo.has(key)) {
          const users = bold ? [] : this.users;
          const candidates = script ? [...users, ...faces.filter((face) => face.scripts.includes(script)), ...faces] : faces;
          memo.set(key, firstWith(candidates, codePoint));
        }
        return memo.get(key);
      },
    };
  }
}

/** The first face that has the character, loading faces one by one. */
function firstWith(faces: readonly FontFace[], codePoint: number): LoadedFont | undefined {
  for (const face of faces) {
    const font = loadFont(face);
    if (font.has(codePoint)) return font;
  }
  return undefined;
}

const sets = new Map<string, FontSet>();

/** One font set per list of user fonts, kept for the process so chains and caches are reused. */
export function fontSet(userFonts: readonly string[] = []): FontSet {
  const key = userFonts.join('\u0000');
  let set = sets.get(key);
  if (!set) {
    set = new FontSet(userFonts);
    sets.set(key, set);
  }
  return set;
}
