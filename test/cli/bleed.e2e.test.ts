import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { mm } from '../../src/contract/page-sizes.js';
import { hasTool } from '../helpers/system-tools.js';
import { placardIn as placard, renderToBytes, tempDir } from './run-placard.js';

type Box = [number, number, number, number];

/** Each page's MediaBox, TrimBox and BleedBox, read back by qpdf (an independent reader). */
function pageBoxes(pdf: Uint8Array): { media: Box; trim?: Box; bleed?: Box }[] {
  const dir = mkdtempSync(join(tmpdir(), 'placard-test-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const out = spawnSync('qpdf', ['--json=2', '--json-key=pages', '--json-key=qpdf', file], { encoding: 'utf8' });
    const json = JSON.parse(out.stdout) as { pages: { object: string }[]; qpdf: [unknown, Record<string, { value: Record<string, Box> }>] };
    return json.pages.map((page) => {
      const dict = json.qpdf[1][`obj:${page.object}`]!.value;
      return { media: dict['/MediaBox']!, trim: dict['/TrimBox'], bleed: dict['/BleedBox'] };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const close = (actual: readonly number[], expected: readonly number[]) =>
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 2));

describe.skipIf(!hasTool('qpdf'))('--bleed', () => {
  it('sets TrimBox to the paper and BleedBox 3 mm around it, inside a larger MediaBox', async () => {
    const { pdf } = await renderToBytes(['render', 'private-areas', '--set', 'name=Taqueria', '--bleed', '3']);
    const [page] = pageBoxes(pdf);
    const [x0, y0, x1, y1] = page!.trim!;
    expect([x1 - x0, y1 - y0].map((n) => Math.round(n * 100) / 100)).toEqual([612, 792]);
    const b = mm(3);
    close(page!.bleed!, [x0 - b, y0 - b, x1 + b, y1 + b]);
    const [, , mx, my] = page!.media;
    close([mx - x1, my - y1], [x0, y0]); // the trim is centred on the sheet
    expect(x0).toBeGreaterThan(b);
  });

  it('works on every sheet of a duplex card set', async () => {
    const { pdf } = await renderToBytes(['render', 'rights-cards', '--set', 'name=X', '--lang', 'en,es', '--size', 'a4', '--bleed', '0']);
    const pages = pageBoxes(pdf);
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      const [x0, y0, x1, y1] = page.trim!;
      close([x1 - x0, y1 - y0], [595.28, 841.89]);
      close(page.bleed!, page.trim!);
    }
  });

  it('leaves the boxes out without --bleed', async () => {
    const [page] = pageBoxes((await renderToBytes(['render', 'private-areas', '--set', 'name=Taqueria'])).pdf);
    expect(page!.trim).toBeUndefined();
    expect(page!.bleed).toBeUndefined();
    close(page!.media, [0, 0, 612, 792]);
  });

  it('refuses a bleed outside 0–10 mm with exit 2, in render and batch', async () => {
    for (const value of ['11', '-1', 'abc', '1e1']) {
      const run = await placard(['render', 'private-areas', '--set', 'name=X', '--bleed', value, '-o', join(tempDir(), 'x.pdf')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--bleed takes millimetres from 0 to 10');
    }
    const dir = tempDir();
    writeFileSync(join(dir, 'rows.csv'), 'name\nTaqueria\n');
    const out = join(dir, 'out');
    const run = await placard(['batch', 'private-areas', '--data', join(dir, 'rows.csv'), '--out-dir', out, '--bleed', '12']);
    expect(run.code).toBe(2);
    const ok = await placard(['batch', 'private-areas', '--data', join(dir, 'rows.csv'), '--out-dir', out, '--bleed', '3', '--jobs', '1']);
    expect(ok.code, ok.stderr).toBe(0);
    const pdfs = readdirSync(out).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
  });
});
