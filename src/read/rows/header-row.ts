import { UsageError } from '../../errors.js';
import { headerScore, HEADER_FIELDS } from './header-fields.js';

/** Rows looked at to find the header under a title, blank rows or notes. */
export const HEADER_LOOKAHEAD = 20;

export interface FoundHeader<T> {
  readonly header: T;
  /** Rows read past the header while looking: the first rows of data. */
  readonly buffered: readonly T[];
  /** Said when the header is not the first row with something in it. */
  readonly note?: string;
}

const blank = (cells: readonly (string | undefined)[]): boolean => cells.every((cell) => cell === undefined || cell.trim() === '');

/**
 * Finds the header row. With `wanted` (--header-row N) it is row N. Without,
 * it is the row among the first HEADER_LOOKAHEAD whose cells name the most
 * fields ("Business Name", "ZIP"...), the earliest on a tie, so a merged
 * title row, blank rows and notes above the header are passed over; when no
 * row names a field, the first row with something in it (the run then stops
 * on the missing required field and shows what it saw). Undefined when the
 * file has no row with anything in it.
 */
export async function findHeaderRow<T extends { readonly row: number }>(
  rows: AsyncIterator<T>,
  cellsOf: (item: T) => readonly (string | undefined)[],
  file: string,
  wanted?: number,
): Promise<FoundHeader<T> | undefined> {
  if (wanted !== undefined) {
    for (let item = await rows.next(); !item.done; item = await rows.next()) {
      if (item.value.row < wanted) continue;
      if (item.value.row > wanted || blank(cellsOf(item.value))) {
        throw new UsageError(`data file ${file}: --header-row ${wanted}: row ${wanted} is empty; give the row that holds the column names`);
      }
      return { header: item.value, buffered: [] };
    }
    throw new UsageError(`data file ${file}: --header-row ${wanted}: the file ends before row ${wanted}`);
  }
  const seen: T[] = [];
  while (seen.length < HEADER_LOOKAHEAD) {
    const item = await rows.next();
    if (item.done) break;
    seen.push(item.value);
  }
  let best: { index: number; score: number } | undefined;
  let firstFilled: number | undefined;
  for (const [index, item] of seen.entries()) {
    const cells = cellsOf(item);
    if (blank(cells)) continue;
    firstFilled ??= index;
    const score = headerScore(cells, HEADER_FIELDS);
    if (score > 0 && (!best || score > best.score)) best = { index, score };
  }
  const chosen = best?.index ?? firstFilled;
  if (chosen === undefined) return undefined;
  const header = seen[chosen]!;
  const skippedAbove = seen.slice(0, chosen).filter((item) => !blank(cellsOf(item))).length;
  return {
    header,
    buffered: seen.slice(chosen + 1),
    ...(skippedAbove > 0
      ? {
          note: `the column names are in row ${header.row}; the ${skippedAbove === 1 ? 'row' : `${skippedAbove} rows`} above it (a title or notes) ${skippedAbove === 1 ? 'is' : 'are'} not read (say --header-row N to choose another row)`,
        }
      : {}),
  };
}

/** A row that holds no business: blank, only spaces, or a footer such as "Total: 500 businesses". Undefined for a row to read. */
export function skippedRow(cells: readonly (string | undefined)[]): string | undefined {
  const filled = cells.filter((cell): cell is string => cell !== undefined && cell.trim() !== '');
  if (filled.length === 0) return cells.some((cell) => cell !== undefined && cell !== '') ? 'only spaces' : 'blank';
  if (filled.length <= 2 && /^\s*(grand\s+)?(totals?|count|sum)\s*(:|=|\d|$)/i.test(filled[0]!)) return 'a total line';
  return undefined;
}
