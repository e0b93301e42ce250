import { describe, expect, it } from 'vitest';

import { fontSet } from '../../src/fonts/font-set.js';
import { layoutNotice } from '../../src/layout/layout-notice.js';
import { parseMarkup } from '../../src/parse/parse-markup.js';
import { glyphRuns } from './laid-items.js';

const lay = (body: string, flow = false) =>
  layoutNotice(parseMarkup(`<notice title="T" lang="en"><page${flow ? ' flow="yes"' : ''}>${body}</page></notice>`, 'test'), {
    size: 'letter',
    fonts: fontSet(),
  });
const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');

describe('<list numbered="yes"> and <list hang="yes">', () => {
  it('numbers items from start, and wraps each item under its first word, not under the number', () => {
    const [page] = lay(`<list numbered="yes" start="4"><item>${long}</item><item>short</item></list>`);
    const runs = glyphRuns(page!.nodes);
    const four = runs.find((run) => run.text === '4.')!;
    expect(runs.some((run) => run.text === '5.')).toBe(true);
    const body = runs.filter((run) => run.text.includes('word'));
    expect(body.length).toBeGreaterThan(1);
    // Every line of the item starts at one x, right of the number.
    const xs = new Set(body.map((run) => Math.round(run.x * 100)));
    expect(xs.size).toBe(1);
    expect(body[0]!.x).toBeGreaterThan(four.x);
    // The number sits on the item's first baseline.
    expect(four.y).toBeCloseTo(body[0]!.y, 3);
  });

  it('puts the marker column on the right in a right-to-left section', () => {
    const [page] = lay(`<section lang="ar" dir="rtl"><list hang="yes"><item>نص عربي قصير</item></list></section>`);
    const runs = glyphRuns(page!.nodes);
    const bullet = runs.find((run) => run.text === '•')!;
    const text = runs.find((run) => run.text.includes('نص'))!;
    expect(bullet.x).toBeGreaterThan(text.x);
  });

  it('keeps counting on the next page when a flowing page breaks a numbered list', () => {
    const items = Array.from({ length: 30 }, (_, i) => `<item>item${i} ${long}</item>`).join('');
    const pages = lay(`<list numbered="yes">${items}</list>`, true);
    expect(pages.length).toBeGreaterThan(1);
    const numbers = pages.flatMap((page) => glyphRuns(page.nodes).flatMap((run) => (/^\d+\.$/.test(run.text) ? [run.text] : [])));
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => `${i + 1}.`));
  });

  it('rejects a start that is not a number', () => {
    expect(() => lay('<list numbered="yes" start="x"><item>a</item></list>')).toThrow(/start="x"/);
  });
});

describe('<page-number/>', () => {
  it('prints "n/N" on every page a flowing page makes, and "1/1" on a page that fits', () => {
    const paragraphs = Array.from({ length: 30 }, (_, n) => `<p>p${n} ${long}</p>`).join('');
    const pages = lay(`${paragraphs}<footer><page-number/></footer>`, true);
    pages.forEach((page, i) => expect(glyphRuns(page.nodes).map((run) => run.text)).toContain(`${i + 1}/${pages.length}`));
    const [one] = lay('<p>short</p><page-number/>');
    expect(glyphRuns(one!.nodes).map((run) => run.text)).toContain('1/1');
  });
});
