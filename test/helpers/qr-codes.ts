import jsQRModule from 'jsqr';
import { renderPixels } from './mupdf-pixels.js';
import type { RenderedPage } from './pdf-reader.js';

// See pdf-reader.ts: under NodeNext the default import is the module object's default.
const jsQR = jsQRModule.default;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Every QR code on one page, read with jsQR from the pixels MuPDF renders (mupdf-pixels.ts): find one
 * (on the whole page, else in overlapping windows, since finder patterns of
 * two codes side by side can confuse the reader), paint it white, and look
 * again until no code is left. In the order found.
 */
export async function decodeAllQr(bytes: Uint8Array, pageIndex = 0, dpi = 150): Promise<string[]> {
  const image = renderPixels(bytes, pageIndex, dpi);
  const found: string[] = [];
  for (let round = 0; round < 4; round++) {
    const code = findOne(image);
    if (!code) break;
    found.push(code.data);
    const { box } = code;
    for (let y = box.top; y < box.bottom; y++) image.data.fill(255, (y * image.width + box.left) * 4, (y * image.width + box.right) * 4);
  }
  return found;
}

function findOne(image: RenderedPage): { data: string; box: Box } | undefined {
  // jsQR gives up on a window without three finder patterns; finding them once (loosely) for the whole page
  // spares the scans of windows that hold fewer, chiefly the last round, which proves no code is left.
  const finders = finderCenters(image);
  if (finders.length < 3) return undefined;
  for (const divisions of [1, 2, 3]) {
    const width = Math.ceil(image.width / divisions);
    const height = Math.ceil(image.height / divisions);
    const steps = divisions * 2 - 1;
    for (let row = 0; row < steps; row++) {
      for (let column = 0; column < steps; column++) {
        const left = Math.min(Math.round((column * width) / 2), image.width - width);
        const top = Math.min(Math.round((row * height) / 2), image.height - height);
        // Counted if any part of it is in the window: jsQR reads a pattern the window's edge cuts through the outer ring.
        const inside = finders.filter((f) => f.right > left && f.left < left + width && f.bottom > top && f.top < top + height);
        if (inside.length < 3) continue;
        const code = decode(image, left, top, width, height);
        if (code) return code;
      }
    }
  }
  return undefined;
}

function decode(image: RenderedPage, left: number, top: number, width: number, height: number): { data: string; box: Box } | undefined {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const start = ((top + row) * image.width + left) * 4;
    data.set(image.data.subarray(start, start + width * 4), row * width * 4);
  }
  const code = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
  if (!code || code.data === '') return undefined;
  const corners = [
    code.location.topLeftCorner,
    code.location.topRightCorner,
    code.location.bottomLeftCorner,
    code.location.bottomRightCorner,
  ];
  const xs = corners.map((corner) => corner.x + left);
  const ys = corners.map((corner) => corner.y + top);
  const pad = (Math.max(...xs) - Math.min(...xs)) / 4;
  return {
    data: code.data,
    box: {
      left: Math.max(0, Math.floor(Math.min(...xs) - pad)),
      right: Math.min(image.width, Math.ceil(Math.max(...xs) + pad)),
      top: Math.max(0, Math.floor(Math.min(...ys) - pad)),
      bottom: Math.min(image.height, Math.ceil(Math.max(...ys) + pad)),
    },
  };
}

/**
 * Where a QR finder pattern may be: the dark center square of a dark–light–dark–light–dark run in the ratio 1:1:3:1:1,
 * within jsQR's own (loose) tolerance, across at least three rows and down through its middle, with the whole pattern's
 * extent. Dark is anything not near white, so every pattern jsQR's adaptive threshold sees is kept; text can add some.
 */
export function finderCenters(image: RenderedPage): Box[] {
  const { width, height, data } = image;
  const dark = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const j = i * 4;
    dark[i] = 0.2126 * data[j]! + 0.7152 * data[j + 1]! + 0.0722 * data[j + 2]! < 192 ? 1 : 0;
  }
  const found: Box[] = [];
  // Rows of the center square still open: keyed by nothing, matched by overlap as jsQR does.
  let open: { startX: number; endX: number; top: number; left: number; right: number; bottom: number }[] = [];
  for (let y = 0; y < height; y++) {
    const next: typeof open = [];
    const runs = [0, 0, 0, 0, 0];
    let length = 0;
    let last = 0;
    for (let x = 0; x <= width; x++) {
      const v = x < width ? dark[y * width + x]! : 0;
      if (v === last) {
        length++;
        continue;
      }
      runs.shift();
      runs.push(length);
      length = 1;
      last = v;
      if (v) continue; // a pattern ends on light
      const unit = (runs[0]! + runs[1]! + runs[2]! + runs[3]! + runs[4]!) / 7;
      if (runs[0] === 0 || !ratioHolds(runs, unit)) continue;
      const endX = x - runs[3]! - runs[4]!;
      const startX = endX - runs[2]!;
      const left = x - runs[0]! - runs[1]! - runs[2]! - runs[3]! - runs[4]!;
      const above = open.find((q) => startX <= q.endX && endX >= q.startX);
      if (above) {
        open.splice(open.indexOf(above), 1);
        next.push({ ...above, startX, endX, left: Math.min(above.left, left), right: Math.max(above.right, x), bottom: y });
      } else next.push({ startX, endX, top: y, bottom: y, left, right: x });
    }
    for (const q of open) close(q);
    open = next;
  }
  for (const q of open) close(q);
  return found;

  function close(q: (typeof open)[number]): void {
    if (q.bottom - q.top < 2) return;
    const cx = Math.round((q.startX + q.endX) / 2);
    const cy = Math.round((q.top + q.bottom) / 2);
    if (!dark[cy * width + cx]) return;
    // Down the middle column: the same five runs, centered on (cx, cy).
    const runs = [0, 0, 0, 0, 0];
    let y = cy;
    while (y >= 0 && dark[y * width + cx]) y--;
    const centerTop = y + 1;
    for (const [index, want] of [
      [1, 0],
      [0, 1],
    ] as const) {
      const start = y;
      while (y >= 0 && dark[y * width + cx] === want) y--;
      runs[index] = start - y;
    }
    const top = y + 1;
    y = centerTop;
    while (y < height && dark[y * width + cx]) y++;
    runs[2] = y - centerTop;
    for (const [index, want] of [
      [3, 0],
      [4, 1],
    ] as const) {
      const start = y;
      while (y < height && dark[y * width + cx] === want) y++;
      runs[index] = y - start;
    }
    const unit = (runs[0]! + runs[1]! + runs[2]! + runs[3]! + runs[4]!) / 7;
    if (!ratioHolds(runs, unit) || runs[0] === 0 || runs[4] === 0) return;
    // A finder pattern is square, in any quarter turn: its center as tall as wide, and the whole as tall as wide,
    // within a factor of two (anti-aliasing moves each edge by a pixel at most).
    const box = { left: q.left, right: q.right, top: Math.min(top, q.top), bottom: Math.max(y, q.bottom + 1) };
    if (!nearly(q.endX - q.startX, runs[2]!) || !nearly(box.right - box.left, y - top)) return;
    found.push(box);
  }
}

const nearly = (a: number, b: number): boolean => a <= 2 * b && b <= 2 * a;

/** jsQR's test for 1:1:3:1:1, each run within one unit (three for the middle) of its share. */
function ratioHolds(runs: number[], unit: number): boolean {
  return runs.every((run, index) => Math.abs(run - (index === 2 ? 3 : 1) * unit) < (index === 2 ? 3 : 1) * unit);
}
