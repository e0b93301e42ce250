import type * as fontkit from 'fontkit';

/** The fixed fields at the start of every version of the `post` table, as fontkit decodes them. */
const HEADER: readonly [name: string, offset: number, read: (view: DataView, at: number) => number][] = [
  ['version', 0, (view, at) => view.getInt32(at) / 65536],
  ['italicAngle', 4, (view, at) => view.getInt32(at) / 65536],
  ['underlinePosition', 8, (view, at) => view.getInt16(at)],
  ['underlineThickness', 10, (view, at) => view.getInt16(at)],
  ['isFixedPitch', 12, (view, at) => view.getUint32(at)],
  ['minMemType42', 16, (view, at) => view.getUint32(at)],
  ['maxMemType42', 20, (view, at) => view.getUint32(at)],
  ['minMemType1', 24, (view, at) => view.getUint32(at)],
  ['maxMemType1', 28, (view, at) => view.getUint32(at)],
];

/** The fields after the header (glyph names), which only fontkit's own decoding gives. */
const NAMES = ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map'] as const;

/**
 * The font with a `post` table whose fixed fields are read from the bytes
 * and whose glyph names fontkit decodes only when asked for. PDFKit reads
 * only `isFixedPitch` and the italic angle, and fontkit decoded every glyph
 * name of a version 2 table for them: ~18 ms of a cold render for Noto
 * Sans's two faces (measured 2026-12-02). The font is a Proxy, so no
 * private part of fontkit is touched; a font this cannot read (a
 * collection, no `post` table, a version fontkit does not know) is
 * returned as it is.
 */
export function withLazyPostTable(font: fontkit.Font, bytes: Uint8Array): fontkit.Font {
  const offset = tableOffset(bytes, 'post');
  if (offset === undefined || offset + 32 > bytes.length) return font;
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 32);
  const header = Object.fromEntries(HEADER.map(([name, at, read]) => [name, read(view, at)]));
  if (![1, 2, 3, 4].includes(header.version!)) return font;
  let whole: Record<string, unknown> | undefined;
  const decoded = (): Record<string, unknown> => (whole ??= Reflect.get(font, 'post', font) as Record<string, unknown>);
  const post = Object.defineProperties(
    header,
    Object.fromEntries(NAMES.map((name) => [name, { enumerable: true, get: () => decoded()[name] }])),
  );
  return new Proxy(font, {
    get: (target, property, receiver) => (property === 'post' ? post : Reflect.get(target, property, receiver)),
  });
}

/** Where a table starts in a single font file (an sfnt: TrueType or OpenType, not a collection). */
function tableOffset(bytes: Uint8Array, tag: string): number | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (![0x00010000, 0x4f54544f, 0x74727565].includes(view.getUint32(0))) return undefined;
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (record + 16 > bytes.length) return undefined;
    const name = String.fromCharCode(bytes[record]!, bytes[record + 1]!, bytes[record + 2]!, bytes[record + 3]!);
    if (name === tag) return view.getUint32(record + 8);
  }
  return undefined;
}
