import { UsageError } from '../../../errors.js';
import type { CellText } from './cell-text.js';
import type { Workbook } from './zip.js';
import { ROW_LIMITS } from '../../../contract/input-limits.js';

/** A merged range that spans rows: column (0 is A), first and last row. */
export interface MergedRange {
  readonly column: number;
  readonly top: number;
  readonly bottom: number;
}

/** Merged ranges in one sheet: more is not a sheet of businesses. */
const MAX_MERGES = 100_000;

const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})["']/g;

/**
 * The merged ranges of a sheet that span more than one row. A sheet lists
 * them in <mergeCells> after all its rows, so a streaming reader must look
 * first: this pass inflates the sheet once more and scans its text for
 * <mergeCell ref="G4:G6"> (no XML tree is built, memory holds one chunk).
 */
export async function mergedRanges(book: Workbook, part: string): Promise<MergedRange[]> {
  const ranges: MergedRange[] = [];
  const decoder = new TextDecoder('utf-8');
  let tail = '';
  for await (const chunk of book.bytes(part, ROW_LIMITS.xlsxSheetBytes)) {
    const text = tail + decoder.decode(chunk, { stream: true });
    let end = 0;
    for (const match of text.matchAll(MERGE)) {
      end = match.index + match[0].length;
      const top = Number(match[2]);
      const bottom = Number(match[4]);
      if (bottom <= top) continue;
      if (ranges.length >= MAX_MERGES)
        throw new UsageError(
          `data file ${book.file}: the sheet has more than ${MAX_MERGES} merged ranges; unmerge the cells and save it again`,
        );
      ranges.push({ column: columnIndex(match[1]!), top, bottom });
    }
    // Keep an unfinished tag for the next chunk (a tag is short; 512 characters is plenty).
    const open = text.lastIndexOf('<');
    tail = text.slice(Math.max(end, open >= 0 && text.length - open < 512 ? open : text.length));
  }
  return ranges;
}

/**
 * Fills the cells a merged range covers with the value of its top cell, as
 * a person reading the sheet sees it: a Languages cell merged over three
 * rows gives all three rows its languages. Memory holds the ranges open at
 * the current row.
 */
export class MergeFill {
  private readonly byTop = new Map<number, MergedRange[]>();
  private active: { column: number; bottom: number; value: CellText }[] = [];

  constructor(ranges: readonly MergedRange[]) {
    for (const range of ranges) {
      const list = this.byTop.get(range.top) ?? [];
      list.push(range);
      this.byTop.set(range.top, list);
    }
  }

  fill(row: number, cells: Map<number, CellText>): Map<number, CellText> {
    if (this.byTop.size === 0 && this.active.length === 0) return cells;
    this.active = this.active.filter((open) => open.bottom >= row);
    for (const open of this.active) if (!cells.has(open.column)) cells.set(open.column, open.value);
    for (const range of this.byTop.get(row) ?? []) {
      const value = cells.get(range.column);
      if (value) this.active.push({ column: range.column, bottom: range.bottom, value });
    }
    this.byTop.delete(row);
    return cells;
  }
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const char of letters) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}
