import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../src/serve/page-png.js';
import { testServer } from './serve-helpers.js';

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer({ renderWorkers: 1 });
});
afterAll(async () => {
  await server.close();
});

/** Width, height and how many pixels are dark, from a PNG this server wrote (8-bit RGB, one IDAT, filter 0). */
async function pngFacts(png: Uint8Array): Promise<{ width: number; height: number; dark: number }> {
  const { inflateSync } = await import('node:zlib');
  const bytes = Buffer.from(png);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idat = bytes.indexOf('IDAT');
  const rows = inflateSync(bytes.subarray(idat + 4, idat + 4 + bytes.readUInt32BE(idat - 4)));
  let dark = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (rows[y * (1 + width * 3) + 1 + x * 3]! < 128) dark++;
  }
  return { width, height, dark };
}

describe('placard serve: the picker’s thumbnails', () => {
  it('draws each notice’s first page for a sample business, once per server start', async () => {
    const catalog = (await (await fetch(new URL('/api/catalog', server.url))).json()) as { notices: { id: string }[] };
    for (const { id } of catalog.notices) {
      const response = await fetch(new URL(`/api/thumbnail/${id}.png`, server.url));
      expect(response.status, id).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const png = new Uint8Array(await response.arrayBuffer());
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const facts = await pngFacts(png);
      expect(facts.width).toBe(240);
      expect(facts.height).toBeGreaterThan(100);
      // Ink on the page: the notice was drawn, not a blank.
      expect(facts.dark, id).toBeGreaterThan(200);
      const again = new Uint8Array(await (await fetch(new URL(`/api/thumbnail/${id}.png`, server.url))).arrayBuffer());
      expect(Buffer.from(again).equals(Buffer.from(png))).toBe(true);
    }
    expect((await fetch(new URL('/api/thumbnail/no-such-notice.png', server.url))).status).toBe(404);
    expect((await fetch(new URL('/api/thumbnail/..%2fpackage.png', server.url))).status).toBe(404);
  });

  it('writes a PNG any reader takes: signature, chunks and checksums', async () => {
    // Two pixels, blue then red, in PDFium's BGRA order.
    const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 255, 0, 0, 255, 255]));
    expect(await pngFacts(png)).toEqual({ width: 2, height: 1, dark: 1 });
    const { inflateSync } = await import('node:zlib');
    const bytes = Buffer.from(png);
    const idat = bytes.indexOf('IDAT');
    // One row: filter 0, then RGB of each pixel.
    expect([...inflateSync(bytes.subarray(idat + 4, idat + 4 + bytes.readUInt32BE(idat - 4)))]).toEqual([0, 0, 0, 255, 255, 0, 0]);
    const { crc32 } = (await import('node:zlib')) as unknown as { crc32?: (data: Uint8Array) => number };
    if (crc32) {
      const ihdr = bytes.indexOf('IHDR');
      expect(bytes.readUInt32BE(ihdr + 4 + 13)).toBe(crc32(bytes.subarray(ihdr, ihdr + 4 + 13)));
    }
  });
});
