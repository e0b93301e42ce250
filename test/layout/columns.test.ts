import { describe, expect, it } from 'vitest';

import type { GlyphRunItem, LaidNode } from '../../src/layout/items.js';
import { PAGE_SIZES } from '../../src/contract/page-sizes.js';
import { displayScale, faceScale } from '../../src/fonts/optical-scale.js';
import { DEFAULT_THEME, pageTheme } from '../../src/layout/theme.js';
import { allNodes, glyphRuns, layPage, runWidth } from './laid-items.js';

const TEXT: Record<string, { title: string; subtitle: string; body: string; dir?: 'rtl' }> = {
  en: {
    title: 'Private area',
    subtitle: 'Employees only',
    body: 'We do not consent to entry or searches of non-public areas without one.',
  },
  es: {
    title: 'Área privada',
    subtitle: 'Solo empleados',
    body: 'No damos nuestro consentimiento para entrar ni registrar las áreas no públicas sin ella.',
  },
  ar: {
    title: 'منطقة خاصة',
    subtitle: 'للموظفين فقط',
    body: 'لا نوافق على دخول المناطق غير العامة أو تفتيشها من دون هذه المذكرة.',
    dir: 'rtl',
  },
  my: {
    title: 'သီးသန့်နေရာ',
    subtitle: 'ဝန်ထမ်းများသာ',
    body: 'ထိုဝရမ်းမရှိဘဲ အများပြည်သူသုံးမဟုတ်သော နေရာများသို့ ဝင်ရောက်ခြင်း သို့မဟုတ် ရှာဖွေခြင်းကို ကျွန်ုပ်တို့ သဘောမတူပါ။',
  },
  'zh-Hans': { title: '私人区域', subtitle: '仅限员工', body: '没有这种令状，我们不同意进入或搜查非公共区域。' },
  ko: {
    title: '비공개 구역',
    subtitle: '직원 전용',
    body: '그러한 영장이 없으면 비공개 구역에 들어가거나 수색하는 것에 동의하지 않습니다.',
  },
};

const section = (lang: string) => {
  const t = TEXT[lang]!;
  return `<section lang="${lang}" dir="${t.dir ?? 'ltr'}"><h1>${t.title}</h1><h2>${t.subtitle}</h2><p>${t.body}</p><p size="small">Small print.</p></section>`;
};
const grid = (langs: readonly string[]) =>
  `<columns wrap="yes">${langs.map((lang) => `<column>${section(lang)}</column>`).join('')}</columns>`;
const stacked = (langs: readonly string[]) => langs.map(section).join('<rule/>');

const sections = (nodes: readonly LaidNode[]) => allNodes(nodes).filter((node) => node.role === 'Sect');
const runsOf = (node: LaidNode, role: 'H1' | 'H2' | 'P') => glyphRuns([node], role);
const left = (runs: readonly GlyphRunItem[]) => Math.min(...runs.map((run) => run.x));
const firstBaseline = (runs: readonly GlyphRunItem[]) => Math.min(...runs.map((run) => run.y));

describe('one type scale per page', () => {
  it.each([
    ['stacked', stacked(['en', 'my'])],
    ['a grid', grid(['en', 'es', 'ar', 'my'])],
    ['a grid with Chinese and Korean', grid(['en', 'zh-Hans', 'ko', 'ar'])],
  ])('gives every language title, subtitle and body one size, %s', (_, body) => {
    const page = layPage(body);
    for (const role of ['H1', 'H2', 'P'] as const) {
      const runs = glyphRuns(page.nodes, role).filter((run) => !/Small print|^\.$/.test(run.text));
      // The text engine draws each script at its optical factor (src/fonts/optical-scale.ts; headings at their display
      // factor, which sets Han and Hangul titles by how tall they look); the design size is shared.
      const factor = (run: GlyphRunItem) => (role === 'P' ? faceScale(run.face) : displayScale(run.face));
      const sizes = new Set(runs.map((run) => (run.size / factor(run)).toFixed(6)));
      expect(sizes.size, role).toBe(1);
    }
  });

  it('makes the shared title size the largest at which the longest title still fits', () => {
    const alone = glyphRuns(layPage(grid(['en', 'es'])).nodes, 'H1')[0]!.size;
    const withLong = layPage(
      `<columns wrap="yes"><column>${section('en')}</column><column><section lang="en"><h1>Authorised employees and their escorted visitors only</h1><h2>x</h2><p>y</p><p size="small">z</p></section></column></columns>`,
    );
    const sizes = glyphRuns(withLong.nodes, 'H1').map((run) => run.size);
    expect(new Set(sizes).size).toBe(1);
    expect(sizes[0]!).toBeLessThan(alone);
  });
});

describe('a grid of languages', () => {
  it('lines up the first baselines of titles and subtitles across a row; the text below closes up in each column', () => {
    const page = layPage(grid(['en', 'es', 'ar', 'my']));
    const [en, es, ar, my] = sections(page.nodes);
    for (const role of ['H1', 'H2'] as const) {
      expect(firstBaseline(runsOf(es!, role))).toBeCloseTo(firstBaseline(runsOf(en!, role)), 6);
      expect(firstBaseline(runsOf(my!, role))).toBeCloseTo(firstBaseline(runsOf(ar!, role)), 6);
    }
  });

  it('puts four languages in two rows of two, and three as one across the top and two below', () => {
    const four = sections(layPage(grid(['en', 'es', 'ar', 'my'])).nodes);
    const tops = four.map((node) => firstBaseline(runsOf(node, 'H1')));
    expect(tops[0]).toBeCloseTo(tops[1]!, 6);
    expect(tops[2]).toBeCloseTo(tops[3]!, 6);
    expect(tops[2]!).toBeGreaterThan(tops[0]!);
    const three = sections(layPage(grid(['en', 'es', 'ar'])).nodes);
    const body = (node: LaidNode) => runsOf(node, 'P');
    const margin = pageTheme(DEFAULT_THEME, 'letter').margin;
    // The primary language takes the whole width: its paragraph runs past the middle of the page.
    expect(Math.max(...body(three[0]!).map((run) => run.x + runWidth(run)))).toBeGreaterThan(PAGE_SIZES.letter.width / 2);
    expect(left(body(three[0]!))).toBeCloseTo(margin, 6);
    expect(firstBaseline(runsOf(three[1]!, 'H1'))).toBeCloseTo(firstBaseline(runsOf(three[2]!, 'H1')), 6);
    expect(firstBaseline(runsOf(three[1]!, 'H1'))).toBeGreaterThan(firstBaseline(runsOf(three[0]!, 'H1')));
  });

  it('never makes a column narrower than 25 characters of its script (Han and Hangul counted at 0.6 em)', () => {
    for (const size of ['letter', 'tabloid'] as const) {
      const theme = pageTheme(DEFAULT_THEME, size);
      const page = layPage(grid(['en', 'es', 'my', 'zh-Hans', 'ko']), size);
      const found = sections(page.nodes);
      // Five languages: the first across the page, then rows of two; the second column starts after the gap.
      const columnStart = left(runsOf(found[2]!, 'P'));
      expect(columnStart).toBeGreaterThan(PAGE_SIZES[size].width / 2);
      const columnWidth = columnStart - theme.margin - theme.gaps.columns * (glyphRuns(page.nodes, 'P')[0]!.size / theme.type.normal);
      for (const node of found) {
        const runs = runsOf(node, 'P').filter((run) => !run.text.includes('Small print'));
        const graphemes = runs.reduce(
          (sum, run) => sum + [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(run.text)].length,
          0,
        );
        const advance = runs.reduce((sum, run) => sum + runWidth(run), 0) / graphemes;
        // "About" 25: this measure leaves out the spaces where lines break, so it reads a little wider.
        expect(columnWidth).toBeGreaterThanOrEqual(0.97 * 25 * Math.min(advance, 0.6 * runs[0]!.size));
      }
    }
  });
});
