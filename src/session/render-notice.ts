import { InputError } from '../errors.js';
import type { RawRecord } from '../contract/record.js';
import { readBusinessFileWithWarnings } from '../read/business-file.js';
import { parseSetFlags } from '../read/set-flags.js';
import type { RenderedNotice, RenderRequest } from '../contract/public-api.js';
import { prepare } from './prepare.js';

/** One notice from a request (data file and --set flags), for callers that make just one. */
export async function renderNotice(request: RenderRequest): Promise<RenderedNotice> {
  const { record, warnings } = readRecordWithWarnings(request);
  const result = await prepare(request).render(record);
  if (!result.ok) throw new InputError(result.problems);
  return warnings.length > 0 ? { ...result, warnings: [...warnings.map((message) => ({ message })), ...result.warnings] } : result;
}

/** The read stage for one notice: the data file, then --set values on top. */
export function readRecord(request: RenderRequest): RawRecord {
  return readRecordWithWarnings(request).record;
}

/** readRecord, with the data file's warnings (a value a YAML comment cut short). */
export function readRecordWithWarnings(request: RenderRequest): { record: RawRecord; warnings: string[] } {
  const fromFile = request.dataFile ? readBusinessFileWithWarnings(request.dataFile) : { record: {}, warnings: [] };
  return { record: { ...fromFile.record, ...parseSetFlags(request.sets ?? []) }, warnings: fromFile.warnings };
}
