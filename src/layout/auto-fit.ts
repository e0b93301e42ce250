import type { Block } from '../parse/notice-tree.js';
import type { FontLibrary } from '../fonts/font-set.js';
import { layoutBlock } from './blocks.js';
import { stepMemo } from './step-search.js';
import { sharedHeadingSizes } from './heading.js';
import { EMPTY, type Laid, type LayoutContext } from './context.js';
import { flowParts, stackHeight } from './flow.js';
import type { Floors } from './key-line.js';
import type { LayoutCaches } from './layout-caches.js';
import { pageAnswers, type PageAnswers } from './page-memo.js';
import { textSize, type PageTheme } from './theme.js';

export interface Attempt {
  readonly scale: number;
  readonly laid: Laid[];
  readonly gaps: number[];
  /** The page's blocks stacked: its height, and its texts for an error that names them (no nodes: `laid` has them). */
  readonly natural: Laid;
  /** A heading took more than two lines or split a word at its floor: a smaller scale would set it better. */
  readonly strained: boolean;
  /** The name band's one size across the notice's pages, when it was given. */
  readonly band?: number;
}

/** Grid steps per halving of the scale: each step is 2^(1/32), about 2.2 %, smaller than the one above. */
const STEPS_PER_OCTAVE = 32;

/**
 * Auto-fit's scales, largest first: every 2^(k/32) from max_scale down to
 * just above the paper's floor (min_body over the body size), then the floor.
 * The grid is fixed, so a page's scale is "the largest step that fits",
 * whatever the rows before it, their order or --jobs.
 */
export function fitGrid(theme: PageTheme): number[] {
  const floor = theme.minBody / theme.type.normal;
  const top = Math.floor(Math.log2(Math.max(floor, theme.maxScale)) * STEPS_PER_OCTAVE + 1e-9);
  const scales: number[] = [];
  for (let k = top; 2 ** (k / STEPS_PER_OCTAVE) > floor + 1e-9; k--) scales.push(2 ** (k / STEPS_PER_OCTAVE));
  scales.push(floor);
  return scales;
}

/** Whether an attempt's page is no higher than the paper's room for it. */
function low(attempt: Attempt, available: number): boolean {
  return attempt.natural.height <= available;
}

/**
 * What the search may use besides attempts: `least`, a lower bound on the
 * page's height at a scale, cheaper than an attempt (leastHeight), and
 * `anyFit`, to stop at the first step found to fit (when only whether the
 * page fits at all is asked).
 */
export interface FitShortcuts {
  readonly least?: (scale: number) => number;
  /** Whether the page's headings are strained at a scale, cheaper than an attempt (strainedAt). */
  readonly strained?: (scale: number) => boolean;
  readonly anyFit?: boolean;
  /**
   * The page's height grows with the scale only up to scale 1 (wrapping columns: columns.ts
   * holdsWrappingColumns), not above it: a hint is then followed only once the step at scale 1, where the
   * search starts without one, is found too high. Otherwise the search is the one without a hint.
   */
  readonly steadyToScale1?: boolean;
}

/**
 * The attempt at the largest grid scale that fits, or undefined when the
 * page does not fit even at the floor. A step fits when its page is no
 * higher than the room and its headings are unstrained (at the floor, a
 * strained heading is taken as it is).
 *
 * Height decides first. A page never grows as its text shrinks (line
 * breaking and heading sizes are built so: text/break-lines.ts,
 * layout/heading.ts), so the steps low enough are those from one step on;
 * the search finds that step from `hint` (the step the last page of this
 * kind took: usually the answer, found with two attempts), otherwise from
 * scale 1 and the height model. Strain need not shrink with the scale (a
 * heading may end on a short line at one size and not at a larger one), so
 * from that step on, the first unstrained step is the answer: the largest
 * step that fits, whatever the hint, the rows before or --jobs. The hint
 * only decides how many attempts it takes. (`strained`, when given, says
 * whether a step is strained without an attempt: steps passed over need none.)
 *
 * A step whose lower bound (`least`) is over the available height is not
 * low enough, and needs no attempt; the bound is asked only where the
 * search would not use the attempt's height to choose its next step (a low
 * enough step is known, or the step is the floor), so the steps tried are
 * the same. With `anyFit`, the first step found low enough is the answer
 * (whether the page fits at all: then it fits at the floor).
 */
export function fitOnGrid(
  attempt: (scale: number) => Attempt,
  grid: readonly number[],
  available: number,
  hint?: number,
  shortcuts: FitShortcuts = {},
): { attempt: Attempt; step: number } | undefined {
  const tried = stepMemo((step) => attempt(grid[step]!));
  const { least, strained, anyFit } = shortcuts;
  // Steps up to `over` are too high (-1: none known); `under` is low enough (grid.length: none known).
  let over = -1;
  let under = grid.length;
  const atOne = grid.findIndex((scale) => scale <= 1 + 1e-9);
  const first = Math.max(0, atOne);
  let next = hint ?? first;
  let stride = 1;
  let rise = 1;
  let previous: 'low' | 'over' | undefined;
  if (shortcuts.steadyToScale1 && hint !== undefined && hint !== first) {
    // Above scale 1 the answer depends on where the search starts: it starts at scale 1, as without a hint, unless
    // that step is too high; then every step left is at most scale 1, where the steps that fit run on from the
    // largest that fits (test/layout/auto-fit.test.ts, real pages), and the hint is followed there (a hint just under
    // scale 1 found low enough is the answer at once).
    // (A grid all above scale 1, a theme whose floor is over its body size, has no such step: no hint is followed.)
    const bounded = atOne >= 0 && least !== undefined && least(grid[first]!) > available;
    if (atOne >= 0 && (bounded || !low(tried.at(first), available))) {
      over = first;
      next = Math.max(hint, first + 1);
      previous = 'over';
    } else next = first;
  }
  while (under > over + 1) {
    const step = Math.min(Math.max(next, over + 1), under - 1);
    const bounded = least !== undefined && (under < grid.length || step === grid.length - 1) && least(grid[step]!) > available;
    const done = bounded ? undefined : tried.at(step);
    const model = (): number => stepAtOrBelow(grid, modelScale(done!, available) * 0.995);
    if (done && low(done, available)) {
      if (anyFit) return { attempt: done, step };
      under = step;
      // Nothing known above: up to where the height model puts the page, at least in strides that double (a page
      // whose height grows slower than the model's, as a short one under a fixed-size QR code does, would otherwise
      // climb one step an attempt). Just under a step too high: the step above. Otherwise halve the steps left between.
      next = over < 0 ? Math.min(step - rise, model()) : previous === 'over' ? step - 1 : Math.floor((over + under) / 2);
      if (over < 0) rise *= 2;
      previous = 'low';
    } else {
      over = step;
      // None low enough known yet: down to where the model puts the page, in strides that double. Otherwise halve the
      // steps left between. (A bounded step is the floor, or has a low enough one under it: no model is needed.)
      next = under === grid.length ? Math.max(step + stride, done ? model() : step + stride) : Math.ceil((over + under) / 2);
      stride *= 2;
      previous = 'over';
    }
  }
  if (under === grid.length) return undefined;
  let step = under;
  const strainedStep = (at: number): boolean => tried.made(at)?.strained ?? strained?.(grid[at]!) ?? tried.at(at).strained;
  while (step < grid.length - 1 && strainedStep(step)) step++;
  return { attempt: tried.at(step), step };
}

/** The first grid step at or below `scale`. */
function stepAtOrBelow(grid: readonly number[], scale: number): number {
  const step = grid.findIndex((value) => value <= scale + 1e-9);
  return step < 0 ? grid.length - 1 : step;
}

/** The scale at which the page would be `available` high if its height grew with the square of the scale. */
function modelScale(attempt: Attempt, available: number): number {
  return attempt.scale * Math.sqrt(available / Math.max(attempt.natural.height, 1e-6));
}

/** A page to lay out at one auto-fit scale: what attemptAt and leastHeight take. */
type PageAt = [
  blocks: readonly Block[],
  lang: string,
  paper: { width: number; height: number },
  theme: PageTheme,
  fonts: FontLibrary,
  scale: number,
  floors: Floors,
  caches?: LayoutCaches,
];

/**
 * A page laid out at one auto-fit scale, in two passes: the first, over the
 * headings only (and the blocks that hold them), finds each heading level's
 * shared size; the second lays out the page with it.
 */
export function attemptAt(...page: PageAt): Attempt {
  const base = baseOf(page);
  return passes(page, base, pageAnswers(page[0], base), 'full');
}

/**
 * Whether the headings of the page attemptAt lays out at `scale` are
 * strained: the same two passes, over the blocks that hold headings alone
 * (strain is only noted by headings), so the same answer for less. Kept
 * per session for pages whose headings hold no business data (page-memo.ts).
 */
export function strainedAt(...page: PageAt): boolean {
  const base = baseOf(page);
  const answers = pageAnswers(page[0], base);
  const kept = answers?.get('strained');
  if (kept !== undefined) return kept as boolean;
  const strained = passes(page, base, answers, 'headings').strained;
  answers?.set('strained', strained);
  return strained;
}

/**
 * A lower bound on the height of the page attemptAt lays out at `scale`:
 * the same two passes, but text holding business data counts as one line of
 * its size (LayoutContext.least). The template's own text, laid out once per
 * session (block-memo.ts), is all that is laid out afresh, mostly not at all.
 * Heights only add up or take the largest of their parts, so the page is at
 * least this high. The bound reads the business paragraphs' styles and line
 * rooms, not their text: it is kept per session by those (page-memo.ts).
 */
export function leastHeight(...page: PageAt): number {
  const base = baseOf(page);
  const answers = pageAnswers(page[0], base);
  const rooms = page[7]?.blocks.rooms;
  let question = 'least';
  if (answers) for (const block of answers.data) question += ` ${rooms?.get(block) ?? 1}`;
  const kept = answers?.get(question);
  if (kept !== undefined) return kept as number;
  const height = passes(page, base, answers, 'least').natural.height;
  answers?.set(question, height);
  return height;
}

/** The context both passes share at the page's level (the scale no lower than the paper's floor). */
function baseOf([, lang, paper, theme, fonts, scale, floors, caches]: PageAt) {
  const floorScale = theme.minBody / theme.type.normal;
  return {
    width: paper.width - 2 * theme.margin,
    scale: Math.max(scale, floorScale),
    lang,
    dir: 'ltr',
    color: '#000000',
    fonts,
    theme,
    inSection: false,
    layoutBlock,
    floors,
    caches,
  } as const;
}

type Base = ReturnType<typeof baseOf>;

/** The shared heading sizes the headings pass finds, and whether it found a heading strained. */
function headingsPass(
  blocks: readonly Block[],
  base: Base,
  answers: PageAnswers | undefined,
): { fixed: ReadonlyMap<string, number>; strained: boolean } {
  const kept = answers?.get('first');
  if (kept !== undefined) return kept as { fixed: ReadonlyMap<string, number>; strained: boolean };
  const strained = { value: false };
  const first: LayoutContext = { ...base, layoutBlock: headingsOnly, headings: { found: new Map(), strained } };
  flowParts(blocks, first);
  const found = { fixed: sharedHeadingSizes(first.headings.found, textSize(base.theme, 'normal', base.scale)), strained: strained.value };
  answers?.set('first', found);
  return found;
}

/** The two passes over a page: in full, with business text as one line each (least), or over its headings alone. */
function passes(page: PageAt, base: Base, answers: PageAnswers | undefined, mode: 'full' | 'least' | 'headings'): Attempt {
  const [blocks, , , , , , floors] = page;
  const least = mode === 'least';
  const first = headingsPass(blocks, base, answers);
  const strained = { value: first.strained };
  const ctx: LayoutContext = {
    ...base,
    ...(mode === 'headings' ? { layoutBlock: headingsOnly } : {}),
    headings: { fixed: first.fixed, found: new Map(), strained },
    ...(least ? { least } : {}),
  };
  const { laid, gaps } = flowParts(blocks, ctx);
  // Only its height and texts are read (the page is placed from `laid` once chosen): nothing is placed here.
  const natural = { height: stackHeight(laid, gaps, 0), nodes: [], texts: least ? [] : laid.flatMap((part) => part.texts) };
  return { scale: base.scale, laid, gaps, natural, strained: strained.value, band: floors.band };
}

/** Whether a block is or holds a heading: what the headings pass lays out. */
function holdsHeading(block: Block): boolean {
  switch (block.kind) {
    case 'heading':
      return true;
    case 'section':
    case 'box':
      return block.children.some(holdsHeading);
    case 'columns':
      return block.columns.some((column) => column.children.some(holdsHeading));
    case 'qr':
      return block.children?.some(holdsHeading) ?? false;
    case 'qr-row':
      return block.codes.some(holdsHeading);
    default:
      return false;
  }
}

/**
 * The headings pass's layoutBlock: headings, and the blocks that hold them,
 * laid out as in the full pass (the same widths, languages and scale), the
 * rest left out (a block without a heading notes no size and no strain).
 * Only what it notes (sizes, strain) is used.
 */
function headingsOnly(block: Block, ctx: LayoutContext): Laid {
  return holdsHeading(block) ? layoutBlock(block, ctx) : EMPTY;
}
