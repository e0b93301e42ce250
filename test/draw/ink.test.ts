import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { pdfColor } from '../../src/draw/ink.js';
import { REGISTRATION } from '../../src/impose/marks.js';
import { renderNotice } from '../../src/session/render-notice.js';
import { hasTool } from '../helpers/system-tools.js';

describe('pdfColor', () => {
  it('prints black, greys and white in black ink alone (CMYK 0/0/0/K)', () => {
    expect(pdfColor('#000000')).toEqual([0, 0, 0, 100]);
    expect(pdfColor('#111111')).toEqual([0, 0, 0, 93]);
    expect(pdfColor('#eeeeee')).toEqual([0, 0, 0, 7]);
    expect(pdfColor('#FFFFFF')).toEqual([0, 0, 0, 0]);
  });

  it('prints marks in registration colour (the spot colour All), and leaves a real hue alone', () => {
    expect(pdfColor(REGISTRATION)).toBe('All');
    expect(pdfColor('#cc0000')).toBe('#cc0000');
  });
});

/** Every page content stream of a PDF, uncompressed by qpdf --qdf (an independent reader). */
function contentStreams(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'placard-test-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const run = spawnSync('qpdf', ['--qdf', '--object-streams=disable', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    expect(run.status, run.stderr?.toString()).toBe(0);
    return readFileSync(join(dir, 'out.pdf'), 'latin1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasTool('qpdf'))('colour in a --bleed 3 notice, read back with qpdf --qdf', () => {
  it('has no DeviceRGB: text, rules, boxes and the QR code in CMYK 0/0/0/K, crop marks in Separation /All', async () => {
    const { pdf } = await renderNotice({
      template: 'private-areas',
      languages: ['en', 'es'],
      bleed: 3,
      sets: ['name=Lake Street Tortillería', 'report_url=https://example.org/report'],
    });
    const qdf = contentStreams(pdf);
    expect(qdf).not.toMatch(/DeviceRGB/);
    expect(qdf).not.toMatch(/(^|\s)[\d.]+ [\d.]+ [\d.]+ (rg|RG)(\s|$)/m);
    // Every colour set in a content stream: its space, then its values.
    const settings = [...qdf.matchAll(/\/(\w+) (cs|CS)\n([^\n]*) (scn|SCN)/g)].map((m) => `${m[1]} ${m[3]}`);
    expect(settings.length).toBeGreaterThan(0);
    for (const setting of settings) expect(setting).toMatch(/^(DeviceCMYK 0 0 0 [\d.]+|CS\d+ 1)$/);
    // Black text is pure K, and the marks' colour space is the registration separation.
    expect(settings).toContain('DeviceCMYK 0 0 0 1');
    expect(settings.some((setting) => setting.startsWith('CS'))).toBe(true);
    expect(qdf).toMatch(/\[\s*\/Separation\s+\/All\s+\/DeviceCMYK/);
  });
});
