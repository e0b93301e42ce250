import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { openRows, type ParsedRecords, type ReadRowsOptions } from '../read/rows/read-rows.js';

/**
 * A first pass over the input: its sha256 (for the manifest and --resume)
 * and its number of records (for progress and time left). Any mistake in
 * the file (a bad byte on line 90,000) stops the run here, before any work.
 * A CSV or TSV file's records are kept (`parsed`, when not too large), so the run reads them without parsing again.
 */
export async function inputDigest(
  file: string,
  options: ReadRowsOptions,
): Promise<{ sha256: string; records: number; parsed: ParsedRecords | undefined }> {
  // Opening first: a missing or unreadable file is a usage error that names it.
  const source = await openRows(file, { ...options, reread: 'keep' });
  let records = 0;
  if (source.count) records = await source.count();
  else for await (const event of source.rows()) records += event.row > 0 && !('skipped' in event) ? 1 : 0;
  // Records kept come with the hash of the bytes they were read from: the manifest names the input the run renders.
  const parsed = source.parsedRecords?.();
  if (parsed) return { sha256: parsed.sha256, records, parsed };
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { sha256: hash.digest('hex'), records, parsed };
}
