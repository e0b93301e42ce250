import { UsageError, type Problem } from '../../errors.js';
import { FieldNames } from './columns.js';
import { kind } from './json.js';
import { objectCells, parseJson, type Locate } from './json-value.js';
import { toRowEvent } from './record.js';
import { type RowEvent, type RowSource } from './row-source.js';
import { textChunks } from './text-stream.js';
import { ROW_LIMITS } from '../../contract/input-limits.js';

/**
 * NDJSON (JSON Lines): one business object per line, streamed. Line N is
 * row N; blank lines are skipped. A line that is not valid JSON, or not an
 * object, is a row problem and the next line is read as usual.
 */
export function openNdjson(file: string): RowSource {
  const columns = new FieldNames(file);
  const warnings: Problem[] = [];
  async function* rows(): AsyncGenerator<RowEvent> {
    let row = 0;
    for await (const line of lines(file)) {
      row++;
      if (row > ROW_LIMITS.rows)
        throw new UsageError(`data file ${file} has more than ${ROW_LIMITS.rows} lines; split it into smaller files`);
      if (line.trim() === '') continue;
      const where: Locate = (offset) => ({ line: row, column: offset + 1 });
      const parsed = parseJson(line);
      if ('offset' in parsed) {
        yield { row, problems: [{ file, row, ...where(parsed.offset), message: `${parsed.message}; each line must be one JSON object` }] };
        continue;
      }
      if (parsed.tree.type !== 'object') {
        yield {
          row,
          problems: [{ file, row, message: `is ${kind(parsed.tree.type)}; expected an object like {"name": "Lake Street Tortillería"}` }],
        };
        continue;
      }
      const { cells, problems } = objectCells(parsed.tree, line, where, file, row);
      for (const cell of cells) columns.add(cell.key);
      yield toRowEvent(file, row, cells, problems);
    }
  }
  return {
    file,
    format: 'ndjson',
    get columns() {
      return columns.list;
    },
    warnings,
    rows,
    close: () => undefined,
  };
}

/** The file's lines (without \n or \r\n), each at most ROW_LIMITS.recordChars long. */
async function* lines(file: string): AsyncGenerator<string> {
  let partial = '';
  let line = 1;
  for await (const chunk of textChunks(file)) {
    const text = partial + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      yield text.slice(start, end).replace(/\r$/, '');
      start = end + 1;
      line++;
    }
    partial = text.slice(start);
    if (partial.length > ROW_LIMITS.recordChars) {
      throw new UsageError(
        `data file ${file}: line ${line} is longer than ${ROW_LIMITS.recordChars / 1024 / 1024} MB; expected one business per line`,
      );
    }
  }
  if (partial !== '') yield partial.replace(/\r$/, '');
}
