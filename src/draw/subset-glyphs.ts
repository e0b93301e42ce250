import type { LoadedFont } from '../fonts/loaded-font.js';

/**
 * fontkit's TrueType subsetter decodes every glyph's outline, in every
 * document, only to learn whether it is a composite. That was about a tenth
 * of a render. This keeps, per font and glyph, the raw glyf bytes, the
 * component offsets and the metrics, and gives the subsetter an _addGlyph
 * that uses them. It does what fontkit 2.0.4's TTFSubset._addGlyph does for
 * static fonts (placard never embeds variable fonts).
 */
interface GlyphRecord {
  readonly bytes: Uint8Array;
  readonly components: readonly { readonly glyphID: number; readonly pos: number }[];
  readonly advance: number;
  readonly bearing: number;
}

/** The fields of fontkit's TTFSubset that _addGlyph uses. */
export interface TtfSubset {
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}

interface FontkitInternals {
  getGlyph(gid: number): {
    _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
    advanceWidth: number;
    _getMetrics(): { leftBearing: number };
  };
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
}

const records = new WeakMap<LoadedFont, Map<number, GlyphRecord>>();

function record(font: LoadedFont, gid: number): GlyphRecord {
  let byGlyph = records.get(font);
  if (!byGlyph) {
    byGlyph = new Map();
    records.set(font, byGlyph);
  }
  let found = byGlyph.get(gid);
  if (!found) {
    const fk = font.fontkit as unknown as FontkitInternals;
    const glyph = fk.getGlyph(gid);
    const decoded = glyph._decode();
    const start = fk.loca.offsets[gid]!;
    const stream = fk._getTableStream('glyf');
    stream.pos += start;
    const bytes = new Uint8Array(stream.readBuffer(fk.loca.offsets[gid + 1]! - start));
    const components =
      decoded && decoded.numberOfContours < 0 ? (decoded.components ?? []).map(({ glyphID, pos }) => ({ glyphID, pos })) : [];
    found = { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
    byGlyph.set(gid, found);
  }
  return found;
}

/** Makes a TrueType subset of this font reuse the glyph records kept for the process. */
export function useGlyphRecords(subset: TtfSubset, font: LoadedFont): void {
  subset._addGlyph = function addGlyph(this: TtfSubset, gid: number): number {
    const { bytes, components, advance, bearing } = record(font, gid);
    let buffer = bytes;
    if (components.length > 0) {
      buffer = new Uint8Array(bytes);
      const view = new DataView(buffer.buffer);
      for (const component of components) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    }
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance, bearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
}
