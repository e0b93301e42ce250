import { describe, expect, it } from 'vitest';

import { fontSet } from '../../src/fonts/font-set.js';
import { layoutNotice } from '../../src/layout/layout-notice.js';
import { themeSchema } from '../../src/layout/theme.js';
import { parseMarkup } from '../../src/parse/parse-markup.js';
import { glyphRuns } from './laid-items.js';

/** A theme with `columns` columns for flowing column blocks on tabloid. */
const theme = (columns: number) => themeSchema.parse({ sizes: { tabloid: { scale: 1, columns } } });

const item = (n: number) => `entry ${n} ${Array.from({ length: 14 }, (_, i) => `w${i}`).join(' ')}`;
/** Three headed lists of numbered entries, `per` entries each, counting on from list to list. */
const body = (per: number) =>
  [0, 1, 2]
    .map(
      (list) =>
        `<h2>Part ${list}</h2><list numbered="yes" start="${list * per + 1}">${Array.from(
          { length: per },
          (_, i) => `<item>${item(list * per + i)}</item>`,
        ).join('')}</list>`,
    )
    .join('');

const lay = (columns: number, per: number, flow = true) =>
  layoutNotice(
    parseMarkup(
      `<notice title="T" lang="en"><page flow="yes"><h1>Title</h1><box tone="outline"><p>Strip</p></box><columns flow="${flow ? 'yes' : 'no'}"><column>${body(per)}</column></columns><rule/><p>The end</p></page></notice>`,
      'test',
    ),
    { size: 'tabloid', fonts: fontSet(), theme: theme(columns) },
  );

/** Each page's lines of text: [page, x, y, text], in the order the page draws them. */
function lines(pages: ReturnType<typeof lay>) {
  return pages.flatMap((page, index) => glyphRuns(page.nodes).map((run) => ({ page: index, x: run.x, y: run.y, text: run.text })));
}

describe('<columns flow="yes">', () => {
  it('with one column lays its blocks out as if they stood in the page', () => {
    const plain = layoutNotice(
      parseMarkup(
        `<notice title="T" lang="en"><page flow="yes"><h1>Title</h1><box tone="outline"><p>Strip</p></box>${body(4)}<rule/><p>The end</p></page></notice>`,
        'test',
      ),
      { size: 'tabloid', fonts: fontSet(), theme: theme(1) },
    );
    const drawn = (pages: ReturnType<typeof lay>) =>
      lines(pages).map((line) => `${line.page} ${line.x.toFixed(6)} ${line.y.toFixed(6)} ${line.text}`);
    expect(drawn(lay(1, 4))).toEqual(drawn(plain));
  });

  it('sets its blocks in two balanced columns under a full-width strip, in reading order', () => {
    const pages = lay(2, 6);
    expect(pages).toHaveLength(1);
    const all = lines(pages);
    const strip = all.find((line) => line.text === 'Strip')!;
    const entries = all.filter((line) => /^entry \d+/.test(line.text));
    const xs = [...new Set(entries.map((line) => Math.round(line.x)))];
    // Two columns (each with its numbers' hanging indent), all below the strip.
    const left = Math.min(...xs);
    const right = entries.filter((line) => line.x > left + 200);
    expect(right.length).toBeGreaterThan(0);
    expect(entries.every((line) => line.y > strip.y)).toBe(true);
    // Every entry once, in order: down the first column, then down the second.
    const numbers = entries.map((line) => Number(/^entry (\d+)/.exec(line.text)![1]));
    expect(numbers).toEqual(Array.from({ length: 18 }, (_, n) => n));
    const firstRight = entries.indexOf(right[0]!);
    expect(entries.slice(firstRight).every((line) => line.x > left + 200)).toBe(true);
    // Balanced: the columns end less than an entry (two lines) and a heading apart.
    const bottom = (column: typeof entries) => Math.max(...column.map((line) => line.y));
    const gap = Math.abs(bottom(entries.slice(0, firstRight)) - bottom(right));
    expect(gap).toBeLessThan(2 * 15 * 1.3 + 28 * 1.5);
    // A heading never ends a column: every "Part" heading has an entry below it in its own column.
    for (const heading of all.filter((line) => line.text.startsWith('Part'))) {
      const column = heading.x > left + 200 ? right : entries.slice(0, firstRight);
      expect(column.some((line) => line.y > heading.y)).toBe(true);
    }
  });

  it('flows on to more pages, every entry once and in order, numbered on, the last page balanced', () => {
    const pages = lay(2, 30);
    expect(pages.length).toBeGreaterThan(1);
    const entries = lines(pages).filter((line) => /^entry \d+/.test(line.text));
    expect(entries.map((line) => Number(/^entry (\d+)/.exec(line.text)![1]))).toEqual(Array.from({ length: 90 }, (_, n) => n));
    const numbers = lines(pages)
      .filter((line) => /^\d+\.$/.test(line.text))
      .map((line) => Number(line.text.slice(0, -1)));
    expect(numbers).toEqual(Array.from({ length: 90 }, (_, n) => n + 1));
    const last = entries.filter((line) => line.page === pages.length - 1);
    const left = Math.min(...last.map((line) => line.x));
    const columns = [last.filter((line) => line.x <= left + 200), last.filter((line) => line.x > left + 200)];
    expect(columns[1]!.length).toBeGreaterThan(0);
    expect(Math.abs(columns[0]!.length - columns[1]!.length)).toBeLessThanOrEqual(3);
  });

  it('takes fewer pages in two columns than in one', () => {
    expect(lay(2, 30).length).toBeLessThanOrEqual(lay(1, 30).length);
  });
});
