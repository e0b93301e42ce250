import { basename } from 'node:path';
import { bundledFaces, type FontFace, type ScriptName } from './bundled-fonts.js';
import { readFontFile } from './font-file-check.js';
import { loadFont, type LoadedFont } from './loaded-font.js';

/** By language, the bundled family its text takes instead of its usual face (a template theme's `faces:`). */
export type FamilyChoice = Readonly<Record<string, string>>;

/** Chooses a font for one character; `previous` is the font of the character before it. */
export interface FontChain {
  pick(char: string, bold: boolean, previous: LoadedFont | undefined): LoadedFont | undefined;
}

/** Gives the font chain for a language (Han glyphs differ between zh-Hans, zh-Hant and ko). */
export interface FontLibrary {
  chain(lang: string): FontChain;
}

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
/** No faces chosen by a theme: one object, so that libraries made without a choice are found again. */
const NO_FAMILIES: FamilyChoice = {};
/** Font libraries kept per theme: one per language set met (rows may name their own). */
const LIBRARY_LIMIT = 64;

export class FontSet implements FontLibrary {
  private readonly users: readonly FontFace[];
  private readonly chains = new Map<string, FontChain>();
  /** Libraries made, by theme faces and then the notice's languages: every notice in those languages has the same chains. */
  private readonly libraries = new WeakMap<FamilyChoice, Map<string, FontLibrary>>();

  constructor(userFonts: readonly string[] = []) {
    this.users = userFonts.map((file, index) => userFace(file, index));
  }

  /** The chain for text in `lang`, on a notice in no particular set of languages. */
  chain(lang: string): FontChain {
    return this.chainFor(lang, []);
  }

  /**
   * The chain for text in `lang` on a notice in `noticeLanguages`. A letter
   * of a script `lang` writes takes `lang`'s face (a Han name in a zh-Hant
   * section: TC). A letter of another script takes the notice's variant:
   * the face the notice's languages of that script agree on (TC when the
   * notice has zh-Hant and not zh-Hans, Nastaliq when it has ur and not ar or
   * fa); when they disagree, or none writes it, the default face.
   */
  chainFor(lang: string, noticeLanguages: readonly string[], families: FamilyChoice = {}): FontChain {
    const variants = noticeVariants(lang, noticeLanguages, bundledFaces(), families);
    const own = families[lang];
    const key = `${lang}\u0000${own ?? ''}\u0000${[...variants].map(([script, family]) => `${script}=${family}`).join(',')}`;
    let chain = this.chains.get(key);
    if (!chain) {
      chain = this.makeChain(lang, variants, own);
      this.chains.set(key, chain);
    }
    return chain;
  }

  /**
   * A font library for one notice: every chain knows the notice's languages,
   * and a template's theme may give a language another bundled family
   * (`faces:`, e.g. Urdu in Naskh on a wallet card). Made once per language
   * set and faces (finding a chain is not free), up to LIBRARY_LIMIT sets.
   */
  forNotice(noticeLanguages: readonly string[], families: FamilyChoice = NO_FAMILIES): FontLibrary {
    let byLanguages = this.libraries.get(families);
    if (!byLanguages) {
      byLanguages = new Map();
      this.libraries.set(families, byLanguages);
    }
    const key = noticeLanguages.join('\u0000');
    let library = byLanguages.get(key);
    if (!library) {
      if (byLanguages.size >= LIBRARY_LIMIT) byLanguages.clear();
      library = this.newLibrary(noticeLanguages, families);
      byLanguages.set(key, library);
    }
    return library;
  }

  private newLibrary(noticeLanguages: readonly string[], families: FamilyChoice): FontLibrary {
    const chains = new Map<string, FontChain>();
    return {
      chain: (lang) => {
        let chain = chains.get(lang);
        if (!chain) {
          chain = this.chainFor(lang, noticeLanguages, families);
          chains.set(lang, chain);
        }
        return chain;
      },
    };
  }

  /**
   * Faces in the order a language tries them, for one weight: the user's, the
   * language's own, then the rest. A user's font has one weight, so for bold
   * text it comes last: bold stays bold wherever a bundled bold face can draw it.
   */
  faces(lang: string, weight: 400 | 700, family?: string): FontFace[] {
    const bundled = bundledFaces().filter((face) => face.weight === weight);
    const preferred = bundled.filter((face) => (family === undefined ? face.preferredBy?.includes(lang) : face.family === family));
    const rest = bundled.filter((face) => !preferred.includes(face));
    return weight === 400 ? [...this.users, ...preferred, ...rest] : [...preferred, ...rest, ...this.users];
  }

  private makeChain(lang: string, variants: ReadonlyMap<ScriptName, string>, family?: string): FontChain {
    const order = { 400: this.faces(lang, 400, family), 700: this.faces(lang, 700, family) };
    const forScript = (faces: readonly FontFace[], script: ScriptName): FontFace[] => {
      const own = faces.filter((face) => face.scripts.includes(script));
      const family = variants.get(script);
      return family ? [...own.filter((face) => face.family === family), ...own.filter((face) => face.family !== family)] : own;
    };
    const memo = new Map<string, LoadedFont | undefined>();
    return {
      pick: (char, bold, previous) => {
        const codePoint = char.codePointAt(0)!;
        const faces = order[bold ? 700 : 400];
        const script = scriptOf(char);
        // A space or digit stays in the font before it, unless that is a last resort (emoji: its space is an em wide).
        const stays = previous && faces.includes(previous.face) && previous.face.scripts.length > 0;
        if (!script && stays && previous.has(codePoint)) return previous;
        const key = `${bold ? 'b' : 'r'}${codePoint}`;
        if (!memo.has(key)) {
          const users = bold ? [] : this.users;
          const candidates = script ? [...users, ...forScript(faces, script), ...faces] : faces;
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

/** The scripts a language writes: its likely script (CLDR), Korean and Japanese with Han too. */
export function scriptsOf(lang: string): readonly ScriptName[] {
  let scripts = scriptsByLang.get(lang);
  if (!scripts) {
    let code = LIKELY_SCRIPTS.get(lang);
    if (code === undefined) {
      try {
        code = new Intl.Locale(lang).maximize().script;
      } catch {
        code = undefined;
      }
    }
    scripts = SCRIPT_CODES[code ?? ''] ?? [];
    scriptsByLang.set(lang, scripts);
  }
  return scripts;
}

const scriptsByLang = new Map<string, readonly ScriptName[]>();

/**
 * The likely script of each built-in language, as ICU's Intl.Locale#maximize gives it (test/fonts/font-set.test.ts
 * checks each against ICU): asking ICU loads its likely-subtags data, ~1.7 ms of a cold render (measured
 * 2026-12-03). Other tags (a user's locale, a region) ask ICU.
 */
export const LIKELY_SCRIPTS: ReadonlyMap<string, string> = new Map([
  ['am', 'Ethi'],
  ['ar', 'Arab'],
  ['bn', 'Beng'],
  ['en', 'Latn'],
  ['es', 'Latn'],
  ['fa', 'Arab'],
  ['fr', 'Latn'],
  ['hi', 'Deva'],
  ['hmn', 'Latn'],
  ['ht', 'Latn'],
  ['ko', 'Kore'],
  ['my', 'Mymr'],
  ['ne', 'Deva'],
  ['om', 'Latn'],
  ['pa', 'Guru'],
  ['prs', 'Arab'],
  ['ps', 'Arab'],
  ['pt', 'Latn'],
  ['ru', 'Cyrl'],
  ['so', 'Latn'],
  ['sw', 'Latn'],
  ['ti', 'Ethi'],
  ['tl', 'Latn'],
  ['uk', 'Cyrl'],
  ['ur', 'Arab'],
  ['vi', 'Latn'],
  ['zh-Hans', 'Hans'],
  ['zh-Hant', 'Hant'],
]);

const SCRIPT_CODES: Readonly<Record<string, ScriptName[]>> = {
  Latn: ['Latin'],
  Cyrl: ['Cyrillic'],
  Grek: ['Greek'],
  Arab: ['Arabic'],
  Hans: ['Han', 'Bopomofo'],
  Hant: ['Han', 'Bopomofo'],
  Hani: ['Han'],
  Kore: ['Hangul', 'Han'],
  Jpan: ['Han'],
  Deva: ['Devanagari'],
  Beng: ['Bengali'],
  Guru: ['Gurmukhi'],
  Ethi: ['Ethiopic'],
  Mymr: ['Myanmar'],
};

/**
 * For each script `lang` does not write, the family the notice's languages
 * whose main script it is agree on. Each such language votes for the face it
 * prefers for the script, or the default face; one vote in all wins.
 */
function noticeVariants(
  lang: string,
  noticeLanguages: readonly string[],
  faces: readonly FontFace[],
  families: FamilyChoice,
): Map<ScriptName, string> {
  const own = new Set(scriptsOf(lang));
  const votes = new Map<ScriptName, Set<string>>();
  for (const other of noticeLanguages) {
    const main = scriptsOf(other)[0];
    if (!main || own.has(main)) continue;
    const candidates = faces.filter((face) => face.scripts.includes(main));
    const chosen =
      candidates.find((face) => face.family === families[other]) ??
      candidates.find((face) => face.preferredBy?.includes(other)) ??
      candidates.find((face) => !face.preferredBy) ??
      candidates[0];
    if (!chosen) continue;
    votes.set(main, new Set([...(votes.get(main) ?? []), chosen.family]));
    if (main === 'Han') votes.set('Bopomofo', votes.get('Han')!);
  }
  return new Map([...votes].filter(([, families]) => families.size === 1).map(([script, families]) => [script, [...families][0]!]));
}

/**
 * A new font set for a list of user fonts: a session makes one and keeps it,
 * with its chains. The font files themselves are loaded once per process
 * (loaded-font.ts).
 */
export function fontSet(userFonts: readonly string[] = []): FontSet {
  return new FontSet(userFonts);
}
