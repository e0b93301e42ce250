import type * as fontkit from 'fontkit';

/**
 * The font with a `loca` table whose offsets are read from the bytes when
 * indexed. fontkit decodes every glyph's offset the first time any glyph's
 * metrics are asked for (its TrueType glyph reads its box with them), as
 * PDFKit does for glyph 0's width when it embeds a font: ~4-7 ms of a cold
 * render for each CJK face's 65,000 offsets (measured 2026-12-02, no
 * TurboFan). The offsets are fontkit's own (a short table's doubled into
 * bytes); the first use other than reading one by index or the length
 * decodes them all into a real array, which serves from then on. The font
 * is a Proxy, so no private part of fontkit is touched; a font this cannot
 * read is returned as it is.
 */
export function withLazyLoca(font: fontkit.Font, bytes: Uint8Array): fontkit.Font {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const loca = tableRange(view, 'loca');
  const head = tableRange(view, 'head');
  if (!loca || loca.length === 0 || !head || head.length < 54) return font;
  const version = view.getInt16(head.offset + 50);
  if (version !== 0 && version !== 1) return font;
  const table = new DataView(bytes.buffer, bytes.byteOffset + loca.offset, loca.length);
  const count = Math.floor(loca.length / (version === 0 ? 2 : 4));
  const read = version === 0 ? (index: number) => table.getUint16(index * 2) << 1 : (index: number) => table.getUint32(index * 4);
  const decoded = { version, offsets: lazyArray(count, read), ...(version === 0 ? { _processed: true } : {}) };
  return new Proxy(font, {
    get: (target, property, receiver) => (property === 'loca' ? decoded : Reflect.get(target, property, receiver)),
  });
}

/** An array of `count` numbers, each read when asked for; any other use makes it a real array first. */
function lazyArray(count: number, read: (index: number) => number): number[] {
  let whole: number[] | undefined;
  const real = (): number[] => (whole ??= Array.from({ length: count }, (_, index) => read(index)));
  const indexOf = (key: string | symbol): number | undefined => {
    if (typeof key !== 'string' || !/^(0|[1-9]\d*)$/.test(key)) return undefined;
    const index = Number(key);
    return index < count ? index : undefined;
  };
  return new Proxy([] as number[], {
    get: (_, key) => {
      if (whole) return Reflect.get(whole, key);
      if (key === 'length') return count;
      const index = indexOf(key);
      return index === undefined ? Reflect.get(real(), key) : read(index);
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => (!whole && indexOf(key) !== undefined) || Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(real(), key),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
  });
}

/** Where a table lies in a single font file (an sfnt, not a collection), if it has it and all of it is there. */
function tableRange(view: DataView, tag: string): { offset: number; length: number } | undefined {
  if (view.byteLength < 12 || ![0x00010000, 0x4f54544f, 0x74727565].includes(view.getUint32(0))) return undefined;
  const tables = view.getUint16(4);
  for (let i = 0; i < tables && 12 + 16 * i + 16 <= view.byteLength; i++) {
    const record = 12 + 16 * i;
    const name = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    if (name !== tag) continue;
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    return offset + length <= view.byteLength ? { offset, length } : undefined;
  }
  return undefined;
}
