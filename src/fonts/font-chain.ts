import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { FontChain } from '../text/font-chain.js';
import { bundledFaces, type FontFace } from './bundled-fonts.js';
import { loadFont } from './loaded-font.js';

/** A user's --font file as a face; it is tried before the bundled fonts. */
export function userFace(file: string): FontFace {
  if (!existsSync(file)) throw new UsageError(`cannot read font file ${file}: no such file`);
  if (!/\.(ttf|otf)$/i.test(file))
    throw new UsageError(`font file ${file}: expected a static .ttf or .otf file (WOFF2 and variable fonts draw blank glyphs)`);
  return {
    id: `user-${basename(file)}`,
    family: basename(file),
    weight: 400,
    file,
    licence: '(supplied by the user)',
    covers: '(supplied by the user)',
  };
}

/** The fallback chain for a render: user fonts first, then the bundled faces, regular and bold. */
export function fontChain(userFonts: readonly string[] = []): FontChain {
  const users = userFonts.map(userFace);
  const faces = bundledFaces();
  const weight = (wanted: 400 | 700) => [...users, ...faces.filter((face) => face.weight === wanted)].map(loadFont);
  return { regular: weight(400), bold: weight(700) };
}
