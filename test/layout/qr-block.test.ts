import jsQRModule from 'jsqr';
import { describe, expect, it } from 'vitest';

import { InputError } from '../../src/errors.js';
import { mm } from '../../src/contract/page-sizes.js';
import { QUIET_ZONE } from '../../src/layout/qr-code.js';
import { DEFAULT_THEME, pageTheme } from '../../src/layout/theme.js';
import { renderNotice } from '../../src/session/render-notice.js';
import { renderPage } from '../helpers/pdf-reader.js';
import { thrown } from '../helpers/thrown.js';
import { glyphRuns, layPage, linkItems, qrItems, runWidth, runWith } from './laid-items.js';

const LINK = 'https://www.ilrc.org/red-cards';
// jsqr's typings declare an ES default export inside a CommonJS package (see test/helpers/pdf-reader.ts).
const jsQR = jsQRModule.default;

const LABELLED = `<columns><column weight="2"><p size="small">1510 E Lake St</p></column><column weight="3">
  <qr href="${LINK}" caption="${LINK}">
    <section lang="en"><p size="small"><b>Scan to know your rights</b></p></section>
    <section lang="ar" dir="rtl"><p size="small"><b>امسح الرمز لتعرف حقوقك</b></p></section>
  </qr></column></columns>`;

describe('the QR block', () => {
  it.each(['letter', 'a4', 'legal', 'tabloid'] as const)(
    'prints the code, quiet zone excluded, at 30 mm or more on %s, growing with the paper',
    (size) => {
      const [code] = qrItems(layPage(LABELLED, size).nodes);
      const printed = code!.module * code!.modules.size;
      expect(printed).toBeGreaterThanOrEqual(mm(30) - 1e-6);
      expect(printed).toBeGreaterThanOrEqual(mm(30) * pageTheme(DEFAULT_THEME, size).scale - 1e-6);
    },
  );

  it('keeps the label beside the code and out of its quiet zone, leaning towards the code', () => {
    const page = layPage(LABELLED);
    const [code] = qrItems(page.nodes);
    const runs = glyphRuns(page.nodes);
    const en = runWith(runs, 'Scan to know');
    const ar = runWith(runs, 'امسح');
    for (const run of [en, ar]) {
      expect(run.x + runWidth(run)).toBeLessThanOrEqual(code!.x + 1e-6);
      expect(run.y).toBeGreaterThan(code!.y);
      expect(run.y).toBeLessThan(code!.y + code!.size);
    }
    // Both end where the label's column meets the gap before the code.
    expect(ar.x + runWidth(ar)).toBeCloseTo(en.x + runWidth(en), 6);
  });

  it('prints the link under the code on one line', () => {
    const page = layPage(LABELLED);
    const [link] = linkItems(page.nodes);
    const caption = glyphRuns(page.nodes).filter((run) => run.text.includes('ilrc'));
    expect(caption).toHaveLength(1);
    expect(caption[0]!.text).toBe(LINK);
    expect(caption[0]!.y).toBeGreaterThan(link!.y + link!.height);
  });

  it('shrinks a long link to keep it on one line, and never wraps it', () => {
    const long = 'https://www.example.org/know-your-rights/immigrants/at-work/private-areas-of-a-business';
    const page = layPage(
      `<columns><column weight="2"><p>Address</p></column><column weight="3"><qr href="${long}" caption="${long}"/></column></columns>`,
    );
    const caption = glyphRuns(page.nodes).filter((run) => run.text.includes('example'));
    expect(caption.map((run) => run.text).join('')).toBe(long);
    expect(new Set(caption.map((run) => run.y)).size).toBe(1);
    expect(caption[0]!.size).toBeLessThan(pageTheme(DEFAULT_THEME, 'letter').type.small);
    expect(caption[0]!.size).toBeGreaterThanOrEqual(pageTheme(DEFAULT_THEME, 'letter').minCaption);
  });

  it('is an input error suggesting a shorter link when the link cannot be printed legibly on one line', () => {
    const long = `https://www.example.org/${'very-long-path/'.repeat(17)}`;
    const error = thrown(InputError, () =>
      layPage(
        `<columns><column weight="2"><p>Address</p></column><column weight="3"><qr href="${long}" caption="${long}"/></column></columns>`,
      ),
    );
    expect(error.problems[0]!.field).toBe('rights_url');
    expect(error.problems[0]!.message).toMatch(/too long .* one line .* shorter link/);
  });
});

describe('the printed QR code, measured from pixels at 300 dpi', () => {
  it.each(['letter', 'a4', 'tabloid'] as const)(
    'is at least 40 mm wide on Letter without its quiet zone, scaled with the paper on %s, with the quiet zone clear',
    async (size) => {
      const { pdf } = await renderNotice({
        template: 'private-areas',
        languages: ['en', 'es'],
        size,
        sets: ['name=Lake Street Tortillería'],
      });
      const dpi = 300;
      const image = await renderPage(pdf, 0, dpi);
      // The code sits in the lower right; read that quarter of the page.
      const left = Math.floor(image.width / 2);
      const top = Math.floor(image.height * 0.6);
      const width = image.width - left;
      const height = image.height - top;
      const data = new Uint8ClampedArray(width * height * 4);
      for (let row = 0; row < height; row++) {
        const from = ((top + row) * image.width + left) * 4;
        data.set(image.data.subarray(from, from + width * 4), row * width * 4);
      }
      const found = jsQR(data, width, height);
      expect(found?.data).toBe(LINK);
      const { topLeftCorner: a, topRightCorner: b, bottomLeftCorner: c } = found!.location;
      const side = (Math.hypot(b.x - a.x, b.y - a.y) + Math.hypot(c.x - a.x, c.y - a.y)) / 2;
      const sideMm = (side / dpi) * 25.4;
      const expected = Math.max(30, 40 * pageTheme(DEFAULT_THEME, size).scale); // private-areas asks for size="40"
      if (size === 'letter') expect(expected).toBe(40);
      expect(sideMm).toBeGreaterThanOrEqual(expected - 0.5);
      expect(sideMm).toBeLessThan(expected + 1);
      // The quiet zone: 4 modules all round the code, nothing but white.
      const modules = found!.version * 4 + 17;
      const quiet = (QUIET_ZONE * side) / modules;
      const inset = 2; // pixels of anti-aliasing at the code's edge
      let dark = 0;
      for (let y = Math.floor(a.y - quiet); y <= Math.ceil(c.y + quiet); y++) {
        for (let x = Math.floor(a.x - quiet); x <= Math.ceil(b.x + quiet); x++) {
          const inside = x > a.x - inset && x < b.x + inset && y > a.y - inset && y < c.y + inset;
          if (inside) continue;
          if (data[(y * width + x) * 4]! < 128) dark++;
        }
      }
      expect(dark).toBe(0);
    },
  );
});

describe('a right-to-left footer', () => {
  it('puts the code on the left and its label on its right, leaning towards it', () => {
    const page = layPage(`<section lang="ar" dir="rtl">${LABELLED}</section>`, 'letter', 'ar');
    const [code] = qrItems(page.nodes);
    const address = runWith(glyphRuns(page.nodes), '1510');
    expect(address.x).toBeGreaterThan(code!.x + code!.size); // columns mirrored: the address on the right
    const ar = runWith(glyphRuns(page.nodes), 'امسح');
    const en = runWith(glyphRuns(page.nodes), 'Scan to know');
    for (const run of [ar, en]) {
      expect(run.x).toBeGreaterThanOrEqual(code!.x + code!.size - 1e-6);
      expect(run.x).toBeLessThan(address.x);
    }
    expect(ar.x).toBeCloseTo(en.x, 6); // both start where the gap after the code ends
  });
});
