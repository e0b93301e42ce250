import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { ERRORS_CSV_HEADER } from './errors-csv.js';

/** The errors file a batch wrote beside a manifest: `manifest.shard-2-of-8.json` → `errors.shard-2-of-8.csv`. */
export function errorsBeside(manifest: string): string {
  return join(
    dirname(manifest),
    basename(manifest)
      .replace(/^manifest/, 'errors')
      .replace(/\.json$/, '.csv'),
  );
}

/**
 * The errors files of the shards of one run as one errors.csv: every line kept as the shard wrote it (its row
 * numbers are already the input's own), sorted by row, stable, so the result is what one unsharded run writes.
 * Lines are the file's CRLF records: placard's cells never hold a line break. Returns the bytes and the files
 * that were missing.
 */
export function mergeErrorFiles(manifests: readonly string[]): { bytes: Uint8Array; missing: string[] } {
  const lines: { row: number; order: number; text: string }[] = [];
  const missing: string[] = [];
  for (const manifest of manifests) {
    const file = errorsBeside(manifest);
    if (!existsSync(file)) {
      missing.push(file);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    if (!text.startsWith(ERRORS_CSV_HEADER))
      throw new UsageError(`${file} is not an errors file placard batch wrote: its header is not ${ERRORS_CSV_HEADER.trim()}`);
    for (const line of text.slice(ERRORS_CSV_HEADER.length).split('\r\n')) {
      if (line === '') continue;
      const row = /^(\d+),/.exec(line);
      if (!row) throw new UsageError(`${file}: a line does not start with a row number: ${line.slice(0, 60)}`);
      lines.push({ row: Number(row[1]), order: lines.length, text: line });
    }
  }
  lines.sort((a, b) => a.row - b.row || a.order - b.order);
  return { bytes: new TextEncoder().encode(ERRORS_CSV_HEADER + lines.map((line) => `${line.text}\r\n`).join('')), missing };
}
