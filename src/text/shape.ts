import * as hb from 'harfbuzzjs';
import type { LoadedFont } from '../fonts/loaded-font.js';

/** One glyph out of HarfBuzz, in visual order, in font units. */
export interface ShapedGlyph {
  readonly id: number;
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
  /** The logical characters this glyph stands for ('' for the extra glyphs of a cluster). */
  readonly text: string;
}

export interface ShapedRun {
  readonly glyphs: readonly ShapedGlyph[];
  /** Total advance in font units. */
  readonly advance: number;
}

export type Direction = 'ltr' | 'rtl';

const buffer = new hb.Buffer();
const cache = new Map<string, ShapedRun>();
const CACHE_LIMIT = 50_000;

/**
 * Shapes one run (one font, one direction) with HarfBuzz. Results are cached
 * for the life of the process, so repeated words and whole repeated
 * documents in a batch are shaped once.
 */
export function shape(font: LoadedFont, text: string, direction: Direction, lang: string): ShapedRun {
  const key = `${font.face.id}\u0000${direction}\u0000${lang}\u0000${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const run = shapeUncached(font, text, direction, lang);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, run);
  return run;
}

function shapeUncached(font: LoadedFont, text: string, direction: Direction, lang: string): ShapedRun {
  buffer.reset();
  buffer.addText(text);
  buffer.setDirection(direction === 'rtl' ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.setLanguage(lang);
  buffer.guessSegmentProperties();
  hb.shape(font.hbFont, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  const texts = clusterTexts(
    text,
    infos.map((info) => info.cluster),
    positions.map((position) => position.xAdvance),
  );
  let advance = 0;
  const glyphs = infos.map((info, i): ShapedGlyph => {
    const position = positions[i]!;
    advance += position.xAdvance;
    return {
      id: info.codepoint,
      xAdvance: position.xAdvance,
      xOffset: position.xOffset,
      yOffset: position.yOffset,
      text: texts[i]!,
    };
  });
  return { glyphs, advance };
}

/**
 * Gives each cluster's characters to one glyph of the cluster (the first one
 * that advances, else the first), so that text extraction gets every
 * character exactly once, in logical order within the cluster.
 */
export function clusterTexts(text: string, clusters: readonly number[], advances: readonly number[]): string[] {
  const starts = [...new Set(clusters)].sort((a, b) => a - b);
  const endOf = new Map<number, number>();
  starts.forEach((start, i) => endOf.set(start, starts[i + 1] ?? text.length));
  const owner = new Map<number, number>();
  clusters.forEach((cluster, i) => {
    const current = owner.get(cluster);
    if (current === undefined || (advances[current] === 0 && advances[i] !== 0)) owner.set(cluster, i);
  });
  return clusters.map((cluster, i) => (owner.get(cluster) === i ? text.slice(cluster, endOf.get(cluster)) : ''));
}
