// Only the encoder: qrcode's main file also loads its PNG (pngjs), SVG and terminal renderers, which placard never
// uses (about 40 modules at every start). It is the same create() the main file exports.
import QRCode from 'qrcode/lib/core/qrcode.js';
import type { TieredCache } from '../text/tiered-cache.js';
import { BUILT_IN_QR } from './built-in-qr.js';

/** Modules of quiet zone on every side, as the QR standard asks. */
export const QUIET_ZONE = 4;

export interface QrModules {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  /** Dark runs per row: [row, firstColumn, length]. */
  readonly runs: readonly (readonly [number, number, number])[];
}

/**
 * Encodes a link at error correction level M and returns its dark modules as
 * horizontal runs. Encoding (choosing the mask) is costly and a batch reuses
 * a few links, so a session keeps the last few hundred in `cache`; the
 * default rights links come encoded with the bundle (built-in-qr.ts).
 */
export function qrModules(text: string, cache?: TieredCache<QrModules>): QrModules {
  const built = BUILT_IN_QR.get(text);
  if (built) return built;
  return cache ? cache.take(text, false, () => encodeQr(text)) : encodeQr(text);
}

/** The code for a link, encoded now (scripts/bundle.js encodes the built-in links with it). */
export function encodeQr(text: string): QrModules {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: [number, number, number][] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let column = 0; column <= modules.size; column++) {
      const dark = column < modules.size && modules.get(row, column);
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push([row, start, column - start]);
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}

/** The width of one module for a code `width` points wide, quiet zone included. */
export function moduleSize(modules: QrModules, width: number): number {
  return width / (modules.size + 2 * QUIET_ZONE);
}
