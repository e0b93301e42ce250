import { statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { readTextFile } from '../read/text-file.js';
import { eachLine } from './lines.js';
import {
  entrySchema,
  failedSchema,
  MAX_MANIFEST_ROWS,
  parseManifest,
  type FailedRow,
  type Manifest,
  type ManifestEntry,
} from './manifest.js';

/** Up to this size a manifest is read whole, in any JSON layout; beyond, a line at a time in placard's own. */
const WHOLE_LIMIT = 64 * 1024 * 1024;

/**
 * Reads a manifest file strictly: a missing or malformed file is a usage error naming it. A large one (a
 * million rows is about 400 MB, more than one JavaScript string should hold) is read a line at a time, in the
 * layout `serializeManifest` writes: one entry or failed row per line.
 */
export function readManifestFile(file: string, wholeLimit = WHOLE_LIMIT): Manifest {
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new UsageError(`cannot read manifest ${file}: it is a folder, expected a file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    readTextFile(file, wholeLimit, 'manifest'); // says why it cannot be read
    throw error;
  }
  if (size <= wholeLimit) return parseManifest(readTextFile(file, wholeLimit, 'manifest'), file);
  return readManifestLines(file);
}

function readManifestLines(file: string): Manifest {
  const bad = (line: number, why: string): UsageError => new UsageError(`${file} is not a placard manifest: line ${line}: ${why}`);
  const head: string[] = [];
  const entries: ManifestEntry[] = [];
  const failed: FailedRow[] = [];
  let part: 'head' | 'entries' | 'between' | 'failed' | 'end' = 'head';
  for (const { number, text } of eachLine(file, 1024 * 1024)) {
    if (text === undefined) throw bad(number, 'not UTF-8, or longer than 1 MB');
    if (part === 'head') {
      if (/^ {2}"entries": \[(\],)?$/.test(text)) part = text.endsWith('],') ? 'between' : 'entries';
      else head.push(text);
      continue;
    }
    if (part === 'between') {
      if (!/^ {2}"failed": \[\]?$/.test(text)) throw bad(number, 'expected "failed": [');
      part = text.endsWith(']') ? 'end' : 'failed';
      continue;
    }
    if (part === 'end') {
      if (text !== '}' && text !== '') throw bad(number, 'expected the end of the file');
      continue;
    }
    if (text === (part === 'entries' ? '  ],' : '  ]')) {
      part = part === 'entries' ? 'between' : 'end';
      continue;
    }
    const body = text.trim().replace(/,$/, '');
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      throw bad(number, 'expected one JSON object');
    }
    const parsed = (part === 'failed' ? failedSchema : entrySchema).safeParse(value);
    if (!parsed.success)
      throw bad(
        number,
        parsed.error.issues
          .slice(0, 2)
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; '),
      );
    if (part === 'failed') failed.push(parsed.data as FailedRow);
    else entries.push(parsed.data as ManifestEntry);
    if (entries.length + failed.length > MAX_MANIFEST_ROWS) throw bad(number, `more than ${MAX_MANIFEST_ROWS} rows`);
  }
  if (part !== 'end') throw bad(0, 'the file ends before its last row list is closed');
  const header = parseManifest(`${head.join('\n')}\n"entries": [], "failed": []}`, file);
  return { ...header, entries, failed };
}
