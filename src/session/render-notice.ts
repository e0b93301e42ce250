import { InputError } from '../errors.js';
import { readBusinessFile, type RawRecord } from '../read/business-file.js';
import { parseSetFlags } from '../read/set-flags.js';
import type { RenderedNotice, RenderRequest } from '../request.js';
import { prepare } from './prepare.js';

/** One notice from a request (data file and --set flags), for callers that make just one. */
export async function renderNotice(request: RenderRequest): Promise<RenderedNotice> {
  const record = readRecord(request);
  const result = await prepare(request).render(record);
  if (!result.ok) throw new InputError(result.problems);
  return result;
}

/** The read stage for one notice: the data file, then --set values on top. */
export function readRecord(request: RenderRequest): RawRecord {
  const fromFile = request.dataFile ? readBusinessFile(request.dataFile) : {};
  return { ...fromFile, ...parseSetFlags(request.sets ?? []) };
}
