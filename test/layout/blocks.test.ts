import { describe, expect, it } from 'vitest';

import { mm, PAGE_SIZES } from '../../src/contract/page-sizes.js';
import { QUIET_ZONE, qrModules } from '../../src/layout/qr-code.js';
import { DEFAULT_THEME, pageTheme } from '../../src/layout/theme.js';

const MARGIN = pageTheme(DEFAULT_THEME, 'letter').margin;
import { allNodes, glyphRuns, layPage, linkItems, qrBoxes, qrItems, runWidth, runWith } from './laid-items.js';
import { TemplateError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

const EPSILON = 1e-6;
const LINK = 'https://www.ilrc.org/red-cards';

describe('<qr>', () => {
  const page = layPage(`<p>Know your rights.</p><qr href="${LINK}" caption="ilrc.org/red-cards"/>`);
  const [figure] = allNodes(page.nodes).filter((node) => node.role === 'Figure');
  const [code] = qrItems(page.nodes);
  const [link] = linkItems(page.nodes);

  it('draws the code as a qr item and a link to the URL in a Figure', () => {
    expect(figure).toBeDefined();
    expect(figure!.items).toContain(code);
    expect(figure!.items).toContain(link);
    expect(figure!.alt).toContain(LINK);
    expect(link!.url).toBe(LINK);
    expect(code!.module * (code!.modules.size + 2 * QUIET_ZONE)).toBeCloseTo(code!.size, 9);
  });

  it('is at least 30 mm wide without its 4-module quiet zone', () => {
    const modules = qrModules(LINK);
    const boxes = qrBoxes(code!);
    const unit = boxes[0]!.height;
    for (const box of boxes) expect(box.height).toBeCloseTo(unit, 9);
    const left = Math.min(...boxes.map((box) => box.x));
    const right = Math.max(...boxes.map((box) => box.x + box.width));
    const top = Math.min(...boxes.map((box) => box.y));
    const bottom = Math.max(...boxes.map((box) => box.y + box.height));
    // The dark modules span the code's size in modules; the quiet zone adds 4 on each side.
    expect(right - left).toBeCloseTo(modules.size * unit, 6);
    expect(bottom - top).toBeCloseTo(modules.size * unit, 6);
    expect(right - left).toBeGreaterThanOrEqual(mm(30) - EPSILON);
    // The first dark module starts 4 modules in from the code's edge (the link covers the whole code).
    expect(left - link!.x).toBeCloseTo(QUIET_ZONE * unit, 6);
    expect(top - link!.y).toBeCloseTo(QUIET_ZONE * unit, 6);
    expect(link!.x + link!.width - right).toBeCloseTo(QUIET_ZONE * unit, 6);
    expect(link!.y + link!.height - bottom).toBeCloseTo(QUIET_ZONE * unit, 6);
    expect(link!.width).toBeCloseTo(link!.height, 9);
    expect(link!.width).toBeGreaterThanOrEqual(mm(30) - EPSILON);
  });

  it('prints the caption under the code', () => {
    const caption = runWith(glyphRuns(page.nodes), 'ilrc.org/red-cards');
    expect(caption.y).toBeGreaterThan(link!.y + link!.height);
  });

  it("is never smaller than the theme's 30 mm, and larger when asked; under 25 mm is a template error", () => {
    const [small] = qrItems(layPage(`<qr href="${LINK}" size="25"/>`).nodes);
    expect(small!.module * small!.modules.size).toBeCloseTo(mm(30), 6);
    const [large] = qrItems(layPage(`<qr href="${LINK}" size="40"/>`).nodes);
    expect(large!.module * large!.modules.size).toBeCloseTo(mm(40), 6);
    thrown(TemplateError, () => layPage(`<qr href="${LINK}" size="10"/>`));
  });

  it('is a template error when its column is narrower than the code', () => {
    const error = thrown(TemplateError, () =>
      layPage(`<columns><column weight="1"><qr href="${LINK}"/></column><column weight="9"><p>Staff only.</p></column></columns>`),
    );
    expect(error.message).toMatch(/QR code .* wider than its column/);
    thrown(TemplateError, () => layPage(`<qr href="${LINK}" size="300"/>`));
  });
});

describe('<columns>', () => {
  const body = `<columns>
    <column weight="2"><p>Left start</p><p align="end">Left end</p></column>
    <column weight="1"><p>Right start</p><p align="end">Right end</p></column>
  </columns>`;
  const runs = glyphRuns(layPage(body).nodes);
  const leftStart = runWith(runs, 'Left start');
  const leftEnd = runWith(runs, 'Left end');
  const rightStart = runWith(runs, 'Right start');
  const rightEnd = runWith(runs, 'Right end');

  it('places columns side by side', () => {
    expect(leftStart.x).toBeCloseTo(MARGIN, 6);
    expect(rightEnd.x + runWidth(rightEnd)).toBeCloseTo(PAGE_SIZES.letter.width - MARGIN, 6);
    expect(rightStart.y).toBeCloseTo(leftStart.y, 6);
    expect(rightEnd.y).toBeCloseTo(leftEnd.y, 6);
    // A gap between the columns.
    expect(rightStart.x).toBeGreaterThan(leftEnd.x + runWidth(leftEnd));
  });

  it('shares the width by weight', () => {
    const leftWidth = leftEnd.x + runWidth(leftEnd) - leftStart.x;
    const rightWidth = rightEnd.x + runWidth(rightEnd) - rightStart.x;
    expect(leftWidth / rightWidth).toBeCloseTo(2, 6);
  });
});

describe('<section>', () => {
  const page = layPage('<p>Staff only.</p><section lang="ar" dir="rtl"><p>مخبز Acme 24</p></section>');
  const sections = allNodes(page.nodes).filter((node) => node.role === 'Sect');

  it("produces a 'Sect' node with the section's language, holding its text", () => {
    expect(sections).toHaveLength(1);
    expect(sections[0]!.lang).toBe('ar');
    const inside = glyphRuns(sections[0]!.children);
    expect(inside.map((run) => run.text).join('')).toBe('مخبز Acme 24');
    expect(glyphRuns(page.nodes).filter((run) => !inside.includes(run))).toHaveLength(1);
  });

  it('aligns RTL text to the right, the Arabic right of the Latin', () => {
    const runs = glyphRuns(sections[0]!.children);
    const arabic = runWith(runs, 'مخبز');
    const latin = runWith(runs, 'Acme');
    expect(arabic.rtl).toBe(true);
    expect(arabic.x + runWidth(arabic)).toBeCloseTo(PAGE_SIZES.letter.width - MARGIN, 6);
    expect(arabic.x).toBeGreaterThanOrEqual(latin.x + runWidth(latin) - EPSILON);
    // The English paragraph before it stays left aligned.
    expect(runWith(glyphRuns(page.nodes), 'Staff only.').x).toBeCloseTo(MARGIN, 6);
  });
});

describe('<spacer grow>', () => {
  const bottomOf = (body: string) => runWith(glyphRuns(layPage(body).nodes), 'Bottom line');

  it('pushes the blocks after it to the bottom of the page', () => {
    const pushed = bottomOf('<h1>Top</h1><spacer grow="1"/><p>Bottom line</p>');
    const natural = bottomOf('<h1>Top</h1><p>Bottom line</p>');
    expect(pushed.y).toBeGreaterThan(natural.y + PAGE_SIZES.letter.height / 2);
    expect(pushed.y).toBeLessThanOrEqual(PAGE_SIZES.letter.height - MARGIN);
    // Only the paragraph's line box (less than a line of text) is left below its baseline.
    expect(PAGE_SIZES.letter.height - MARGIN - pushed.y).toBeLessThan(pushed.size);
  });

  it('shares the spare height among spacers by their grow values', () => {
    const body = (one: string, three: string) => `<p>Alpha</p>${one}<p>Beta</p>${three}<p>Gamma</p>`;
    const runs = glyphRuns(layPage(body('<spacer grow="1"/>', '<spacer grow="3"/>')).nodes);
    const plain = glyphRuns(layPage(body('', '')).nodes);
    const y = (found: typeof runs, text: string) => runWith(found, text).y;
    const extraFirst = y(runs, 'Beta') - y(runs, 'Alpha') - (y(plain, 'Beta') - y(plain, 'Alpha'));
    const extraSecond = y(runs, 'Gamma') - y(runs, 'Beta') - (y(plain, 'Gamma') - y(plain, 'Beta'));
    expect(extraFirst).toBeGreaterThan(0);
    expect(extraSecond / extraFirst).toBeCloseTo(3, 6);
  });
});
