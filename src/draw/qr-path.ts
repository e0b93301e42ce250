import { QUIET_ZONE, type QrModules } from '../layout/qr-code.js';

const paths = new WeakMap<QrModules, string>();

/**
 * A QR code's dark modules as one path in module units (whole numbers, so
 * short and exact), to be drawn under a `cm` that scales and places it.
 * Kept per code, since a batch prints the same link again and again.
 */
export function qrPathOperators(modules: QrModules): string {
  let path = paths.get(modules);
  if (path === undefined) {
    path = modules.runs.map(([row, column, length]) => `${column + QUIET_ZONE} ${row + QUIET_ZONE} ${length} 1 re`).join('\n');
    paths.set(modules, path);
  }
  return path;
}
