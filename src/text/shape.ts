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

/** HarfBuzz's scratch buffer, reset before each run: it holds nothing between calls. */
const buffer = new hb.Buffer();

/**
 * Shapes one run (one font, one direction) with HarfBuzz. Nothing is kept
 * here: a session keeps shaped runs in its own caches (paragraph.ts TextCaches).
 */
export function shape(font: LoadedFont, text: string, direction: Direction, lang: string): ShapedRun {
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
    direction,
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

const MARK = /^[\p{Mn}\p{Me}]$/u;

/**
 * Shares each cluster's characters among its glyphs so that a reader taking
 * glyphs in drawing order reads the characters in logical order, each once.
 * Marks at the end of a cluster go to glyphs that do not advance (mark
 * glyphs), one each; the other characters go to the glyphs that advance, one
 * each in logical order, the last taking whatever is left. Glyphs left
 * without characters get ''. Right-to-left glyphs come in reverse drawing
 * order, so there the sharing runs backwards.
 */
export function clusterTexts(
  text: string,
  clusters: readonly number[],
  advances: readonly number[],
  direction: Direction = 'ltr',
): string[] {
  return oneGlyphClusters(text, clusters, advances, direction) ?? sharedClusters(text, clusters, advances, direction);
}

/**
 * The common case, without the sharing's maps and arrays: every glyph is a
 * cluster of its own and advances, clusters in logical order (increasing
 * left to right, decreasing right to left), so each glyph takes its
 * cluster's characters. Undefined when any glyph is not such.
 */
function oneGlyphClusters(
  text: string,
  clusters: readonly number[],
  advances: readonly number[],
  direction: Direction,
): string[] | undefined {
  const count = clusters.length;
  const step = direction === 'rtl' ? -1 : 1;
  for (let i = 0; i < count; i++) {
    if (advances[i] === 0) return undefined;
    const next = clusters[i + step];
    if (next !== undefined && next <= clusters[i]!) return undefined;
  }
  const texts = new Array<string>(count);
  for (let i = 0; i < count; i++) texts[i] = text.slice(clusters[i], clusters[i + step] ?? text.length);
  return texts;
}

function sharedClusters(text: string, clusters: readonly number[], advances: readonly number[], direction: Direction): string[] {
  const starts = [...new Set(clusters)].sort((a, b) => a - b);
  const endOf = new Map<number, number>();
  starts.forEach((start, i) => endOf.set(start, starts[i + 1] ?? text.length));
  const members = new Map<number, number[]>();
  clusters.forEach((cluster, i) => members.set(cluster, [...(members.get(cluster) ?? []), i]));
  const texts = clusters.map(() => '');
  for (const [cluster, glyphs] of members) {
    const logical = direction === 'rtl' ? [...glyphs].reverse() : glyphs;
    const chars = [...text.slice(cluster, endOf.get(cluster))];
    const advancing = logical.filter((i) => advances[i] !== 0);
    const still = logical.filter((i) => advances[i] === 0);
    let trailing = 0;
    while (trailing < still.length && trailing < chars.length - 1 && MARK.test(chars[chars.length - 1 - trailing]!)) trailing++;
    const marks = chars.splice(chars.length - trailing, trailing);
    still.slice(-trailing || still.length).forEach((glyph, k) => (texts[glyph] = marks[k] ?? ''));
    const owners = advancing.length > 0 ? advancing : [logical[0]!];
    owners.forEach((glyph, k) => {
      texts[glyph] = k === owners.length - 1 ? chars.slice(k).join('') : (chars[k] ?? '');
    });
  }
  return texts;
}
