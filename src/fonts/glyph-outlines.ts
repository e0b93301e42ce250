import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../errors.js';

/**
 * A TrueType face's `glyf` table left in its file (font-bytes.ts gives HarfBuzz none of a large one): glyph
 * outlines are read from the file when a subset asks for them (src/draw/truetype-subset.ts), a few hundred
 * bytes each, instead of reading a CJK face's 10 MB of outlines at start to embed the few dozen a notice uses.
 */
export interface GlyphOutlines {
  /**
   * Runs `use` with a reader of the glyf table's bytes [start, end) (offsets in the table, as `loca` gives them),
   * the file open from the first read to the end of `use`. A file that is no longer the one the font was read from (its size or modification
   * time changed) is an error: its outlines would not match the font's other tables.
   */
  reading<T>(use: (read: (start: number, end: number) => Uint8Array) => T): T;
}

/** The outlines of the `glyf` table at `offset` (`length` bytes) in `file`, as it was when stat gave `size` and `mtimeMs`. */
export function glyphOutlines(file: string, offset: number, length: number, size: number, mtimeMs: number): GlyphOutlines {
  return {
    reading(use) {
      // Opened on the first glyph read: a subset whose glyphs were all read before opens nothing.
      let fd: number | undefined;
      const open = (): number => {
        if (fd !== undefined) return fd;
        fd = openSync(file, 'r');
        const stats = fstatSync(fd);
        if (stats.size !== size || stats.mtimeMs !== mtimeMs)
          throw new UsageError(`font file ${file} changed while placard was using it; run placard again`);
        return fd;
      };
      try {
        return use((start, end) => {
          if (start < 0 || end < start || end > length) throw new UsageError(`font file ${file}: a glyph lies outside its glyf table`);
          const bytes = new Uint8Array(end - start);
          let done = 0;
          while (done < bytes.length) {
            const read = readSync(open(), bytes, done, bytes.length - done, offset + start + done);
            if (read === 0) throw new UsageError(`font file ${file} is shorter than when placard read it`);
            done += read;
          }
          return bytes;
        });
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    },
  };
}
