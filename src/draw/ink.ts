import { REGISTRATION } from '../impose/marks.js';
import type { Color } from '../layout/items.js';

/** The spot colour PDFKit registers for REGISTRATION: Separation /All, shown on screen as 100/100/100/100. */
export const REGISTRATION_SPOT = { name: 'All', cmyk: [100, 100, 100, 100] } as const;

/** A colour as PDFKit takes it: a CMYK array in percent, a spot colour's name, or (for a hue) the '#rrggbb' string. */
export type PdfColor = string | [number, number, number, number];

/**
 * Greys, black and white print in black ink alone: DeviceCMYK 0/0/0/K, never
 * DeviceRGB, which a print shop's conversion turns into four-colour rich
 * black (text on four plates, fuzzy when they miss register). Only a real
 * hue stays '#rrggbb' (DeviceRGB); no built-in theme uses one.
 */
export function pdfColor(color: Color): PdfColor {
  if (color === REGISTRATION) return REGISTRATION_SPOT.name;
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return color;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  if (r !== g || g !== b) return color;
  // K in whole percent (#111111 is 93), so the content stream holds short, exact numbers.
  const k = Math.round(((255 - r!) / 255) * 100);
  return [0, 0, 0, k];
}
