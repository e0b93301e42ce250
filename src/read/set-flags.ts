import { UsageError } from '../errors.js';
import type { RawRecord } from '../contract/record.js';

/** --set key=value pairs, keys matched without regard to case; a later --set wins. */
export function parseSetFlags(pairs: readonly string[]): RawRecord {
  const record = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--set expects key=value (like --set name="Lake Street Tortillería"), found "${pair}"`);
    record.set(pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1));
  }
  return Object.fromEntries(record);
}
