import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { TemplateError } from '../../src/errors.js';
import type { LaidPage, RectItem } from '../../src/layout/items.js';
import { mm, PAGE_SIZES } from '../../src/contract/page-sizes.js';
import { DEFAULT_THEME, pageTheme, THEME_SIZES, themeSchema } from '../../src/layout/theme.js';
import { loadTemplate } from '../../src/templates/catalog.js';
import { thrown } from '../helpers/thrown.js';
import { glyphRuns, layPage, linkItems, allItems, runWith } from './laid-items.js';

const BUILTIN = new URL('../../templates/private-areas/', import.meta.url);

describe('theme.yaml', () => {
  it('is read with the built-in template, and every paper size has a theme', () => {
    const template = loadTemplate('private-areas');
    expect(template.theme.margin_mm).toBeGreaterThan(0);
    for (const size of THEME_SIZES) expect(pageTheme(template.theme, size).scale).toBeGreaterThan(0);
    expect(Object.keys(template.theme.sizes).sort()).toEqual([...THEME_SIZES].sort());
  });

  it('fills what a theme leaves out with the defaults', () => {
    const theme = themeSchema.parse({ margin_mm: 20, sizes: { tabloid: { min_body: 14 } } });
    expect(theme.type).toEqual(DEFAULT_THEME.type);
    expect(pageTheme(theme, 'tabloid').minBody).toBe(14);
    expect(pageTheme(theme, 'tabloid').scale).toBe(pageTheme(DEFAULT_THEME, 'tabloid').scale);
    expect(pageTheme(theme, 'letter').margin).toBeCloseTo(mm(20), 9);
  });

  it('is a TemplateError naming the setting when a value is wrong', () => {
    const root = mkdtempSync(join(tmpdir(), 'placard-theme-'));
    const dir = join(root, 'themed');
    mkdirSync(dir);
    const manifest = readFileSync(new URL('template.yaml', BUILTIN), 'utf8').replace(/^id: .*$/m, 'id: themed');
    writeFileSync(join(dir, 'template.yaml'), manifest);
    writeFileSync(join(dir, 'template.hbs'), readFileSync(new URL('template.hbs', BUILTIN), 'utf8'));
    writeFileSync(join(dir, 'theme.yaml'), 'margin_mm: -3\nrule: { width: 1, color: red }\nsizes: { poster: { scale: 2 } }\n');
    const error = thrown(TemplateError, () => loadTemplate('themed', [root]));
    expect(error.message).toContain('theme.yaml is not a valid theme');
    expect(error.message).toContain('margin_mm');
    expect(error.message).toContain('rule.color');
    expect(error.message).toContain('sizes');
  });
});

describe('a bigger paper scales the whole composition', () => {
  const BODY = `<box tone="dark"><p size="large" align="center">Band</p></box>
    <section lang="en"><h1>Private area</h1><p>Entry needs a judicial warrant.</p></section>
    <rule/><qr href="https://www.ilrc.org/red-cards" caption="https://www.ilrc.org/red-cards"/>`;
  const letter = layPage(BODY, 'letter');
  const tabloid = layPage(BODY, 'tabloid');
  const scale = pageTheme(DEFAULT_THEME, 'tabloid').scale;
  const rects = (page: LaidPage) => allItems(page.nodes, 'Artifact').filter((item): item is RectItem => item.type === 'rect');
  const band = (page: LaidPage) => rects(page).find((item) => item.fill === '#111111')!;
  const rule = (page: LaidPage) => rects(page).find((item) => item.fill === '#000000')!;

  it('grows margins, the band, the rule and the QR code with the paper', () => {
    expect(scale).toBeGreaterThan(1.2);
    expect(band(tabloid).x).toBeCloseTo(band(letter).x * scale, 6);
    expect(band(tabloid).width).toBeCloseTo(PAGE_SIZES.tabloid.width - 2 * band(tabloid).x, 6);
    expect(band(tabloid).height).toBeGreaterThan(band(letter).height * scale * 0.95);
    expect(rule(tabloid).height).toBeCloseTo(rule(letter).height * scale, 6);
    expect(linkItems(tabloid.nodes)[0]!.width).toBeCloseTo(linkItems(letter.nodes)[0]!.width * scale, 6);
  });

  it('grows the type with the paper', () => {
    const title = (page: LaidPage) => runWith(glyphRuns(page.nodes, 'H1'), 'Private').size;
    expect(title(tabloid) / title(letter)).toBeGreaterThan(scale * 0.95);
  });

  it('keeps body text at the paper floor or above', () => {
    for (const size of ['letter', 'a4', 'legal', 'tabloid'] as const) {
      const floor = pageTheme(DEFAULT_THEME, size).minBody;
      const page = layPage(
        `<section lang="en">${'<p>Staff only beyond this point, please ask at the counter.</p>'.repeat(30)}</section>`,
        size,
      );
      for (const run of glyphRuns(page.nodes, 'P')) expect(run.size).toBeGreaterThanOrEqual(floor - 1e-9);
    }
  });
});
