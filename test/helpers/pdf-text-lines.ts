/**
 * A page's text as a reader sees it: pdf.js text items grouped into visual
 * lines, with spaces where the gaps are (for pdf-reader.ts).
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type TextContentItem = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number];
type TextItem = Extract<TextContentItem, { str: string }>;

/** One pdf.js text item, reduced to what line layout needs (page space, points). */
interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  rtl: boolean;
  /** pdf.js says a line ends after this item. */
  eol: boolean;
}

/** Runs whose gap exceeds this many font sizes get a space between them. */
const SPACE_GAP_EM = 0.2;
/** Runs whose baselines differ by more than this many font sizes are on different lines. */
const BASELINE_TOLERANCE_EM = 0.5;
/** Runs overlapping horizontally by more than this (kerning aside) are on different lines. */
const OVERLAP_TOLERANCE_EM = 0.3;

function isTextItem(item: TextContentItem): item is TextItem {
  return 'str' in item;
}

function toRun(item: TextItem): Run {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
  return {
    str: item.str,
    x,
    y,
    width: item.width,
    size: Math.hypot(c, d) || Math.hypot(a, b) || item.height,
    rtl: item.dir === 'rtl',
    eol: item.hasEOL,
  };
}

/**
 * Splits runs (in content order) into lines: after every run pdf.js flags with hasEOL, and
 * whenever the next run is not beside the last one (see onSameLine). Empty runs only carry
 * an EOL flag (pdf.js places them at the *next* line's origin), so never join a line.
 */
function groupIntoLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [];
  let current: Run[] = [];
  let endPending = false;
  for (const run of runs) {
    if (run.str !== '') {
      const last = current.at(-1);
      if (last && (endPending || !onSameLine(last, run))) {
        lines.push(current);
        current = [];
      }
      current.push(run);
      endPending = false;
    }
    endPending ||= run.eol;
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/**
 * Same baseline (within tolerance, so superscripts stay put) and side by side. Runs on one
 * line do not overlap horizontally; PDFKit can put a line whose font has small metrics only
 * ~0.4em below the previous one, which only the overlap reveals.
 */
function onSameLine(a: Run, b: Run): boolean {
  const em = Math.max(a.size, b.size, 1);
  const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  return Math.abs(a.y - b.y) <= BASELINE_TOLERANCE_EM * em && overlap <= OVERLAP_TOLERANCE_EM * em;
}

/**
 * Orders a line's runs visually (left to right, or right to left when most of the line's
 * text is RTL, since pdf.js already gives each RTL run in logical order) and concatenates
 * them, adding one space where runs are visibly apart and neither side has whitespace.
 */
function joinLine(runs: Run[]): string {
  let text = '';
  let previous: Run | undefined;
  for (const run of visualOrder(runs)) {
    if (previous && needsSpace(previous, run, text)) text += ' ';
    text += run.str;
    previous = run;
  }
  return text.trim();
}

function visualOrder(runs: Run[]): Run[] {
  const rtlChars = runs.reduce((sum, run) => sum + (run.rtl ? run.str.length : 0), 0);
  const totalChars = runs.reduce((sum, run) => sum + run.str.length, 0);
  const direction = rtlChars * 2 > totalChars ? -1 : 1;
  return [...runs].sort((p, q) => direction * (p.x - q.x));
}

function needsSpace(previous: Run, run: Run, textSoFar: string): boolean {
  if (/\s$/u.test(textSoFar) || /^\s/u.test(run.str)) return false;
  // Distance between the two runs' boxes, whichever side `run` is on.
  const gap = Math.max(run.x - (previous.x + previous.width), previous.x - (run.x + run.width));
  return gap > SPACE_GAP_EM * Math.min(previous.size, run.size);
}

/** The page's text items as lines, trimmed, never empty. */
export function textLines(items: readonly TextContentItem[]): string[] {
  return groupIntoLines(items.filter(isTextItem).map(toRun))
    .map(joinLine)
    .filter((line) => line !== '');
}
