import jsQRModule from 'jsqr';
import { renderPage, type RenderedPage } from './pdf-reader.js';

// See pdf-reader.ts: under NodeNext the default import is the module object's default.
const jsQR = jsQRModule.default;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Every QR code on one page, read from rendered pixels with jsQR: find one
 * (on the whole page, else in overlapping windows, since finder patterns of
 * two codes side by side can confuse the reader), paint it white, and look
 * again until no code is left. In the order found.
 */
export async function decodeAllQr(bytes: Uint8Array, pageIndex = 0, dpi = 150): Promise<string[]> {
  const image = await renderPage(bytes, pageIndex, dpi);
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
  for (const divisions of [1, 2, 3]) {
    const width = Math.ceil(image.width / divisions);
    const height = Math.ceil(image.height / divisions);
    const steps = divisions * 2 - 1;
    for (let row = 0; row < steps; row++) {
      for (let column = 0; column < steps; column++) {
        const left = Math.min(Math.round((column * width) / 2), image.width - width);
        const top = Math.min(Math.round((row * height) / 2), image.height - height);
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
