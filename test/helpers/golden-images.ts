/**
 * Golden images for visual regression tests: pages rendered to PNG at low
 * resolution (pdf.js on @napi-rs/canvas, through pdf-reader.ts) and compared
 * with committed PNGs by pixelmatch, within a tolerance. UPDATE_GOLDEN=1
 * writes the committed images instead of comparing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createCanvas, loadImage } from '@napi-rs/canvas';
import pixelmatch from 'pixelmatch';

import type { RenderedPage } from './pdf-reader.js';
import { pngFile } from '../../src/serve/page-png.js';

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** PNG bytes of an RGBA image. */
export function encodePng(image: RenderedPage): Buffer {
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  const data = context.createImageData(image.width, image.height);
  data.data.set(image.data);
  context.putImageData(data, 0, 0);
  return canvas.toBuffer('image/png');
}

/**
 * A small 8-bit greyscale PNG of an RGBA image (notices are black on white):
 * each row filtered by its left neighbour (PNG filter 1), deflated at level 9.
 */
export function encodeGreyPng(image: RenderedPage): Buffer {
  const { width, height, data } = image;
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 1;
    let previous = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const grey = Math.round(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!);
      rows[y * (width + 1) + 1 + x] = (grey - previous) & 0xff;
      previous = grey;
    }
  }
  return pngFile(width, height, 'grey', rows, 9);
}

export async function decodePng(bytes: Buffer): Promise<RenderedPage> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data };
}

export interface Comparison {
  /** Share of pixels that differ, 0 to 1 (1 when the sizes differ or there is no golden image). */
  readonly changed: number;
  readonly note: string;
}

/**
 * Compares `actual` with the golden PNG `file`. On a mismatch the actual
 * image and a diff are left in the system temp folder for a person to see.
 */
export async function compareWithGolden(actual: RenderedPage, file: string): Promise<Comparison> {
  if (UPDATE_GOLDEN) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, encodeGreyPng(actual));
    return { changed: 0, note: 'updated' };
  }
  if (!existsSync(file)) return { changed: 1, note: `no golden image ${file}: run the test with UPDATE_GOLDEN=1 to write it` };
  const expected = await decodePng(readFileSync(file));
  // The golden image is greyscale; compare like with like.
  const actualGrey = await decodePng(encodeGreyPng(actual));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    return { changed: 1, note: `size ${actual.width}×${actual.height} differs from the golden ${expected.width}×${expected.height}` };
  }
  const diff = new Uint8ClampedArray(actual.width * actual.height * 4);
  const count = pixelmatch(expected.data, actualGrey.data, diff, actual.width, actual.height, { threshold: 0.2 });
  const changed = count / (actual.width * actual.height);
  if (count === 0) return { changed, note: 'same' };
  const out = join(tmpdir(), 'placard-golden');
  mkdirSync(out, { recursive: true });
  const base = file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.png$/, '');
  writeFileSync(join(out, `${base}.actual.png`), encodeGreyPng(actual));
  writeFileSync(join(out, `${base}.diff.png`), encodePng({ ...actual, data: diff }));
  return { changed, note: `${count} pixels differ; see ${join(out, base)}.{actual,diff}.png` };
}
