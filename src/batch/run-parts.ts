import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SessionOptions } from '../contract/public-api.js';
import { inShard, type Shard } from './shard.js';

/** Small pieces of a batch run (run-batch.ts), kept apart so the runner reads as its steps. */

/** Options that change the bytes of the output; a resume with other values renders everything again. */
export function outputOptions(session: SessionOptions): Record<string, string | number | boolean | null | readonly string[]> {
  return {
    languages: session.languages ? [...session.languages] : null,
    size: session.size ?? null,
    arrange: session.arrange ?? null,
    rights_url: session.rightsUrl ?? null,
    ...(session.bleed !== undefined ? { bleed: session.bleed } : {}),
    source_date_epoch: session.sourceDateEpoch ?? null,
    require_reviewed: session.requireReviewed ?? false,
    fonts: session.fonts ? [...session.fonts] : [],
    templates: session.templateDirs ? [...session.templateDirs] : [],
  };
}

export function withoutColumns(
  record: Readonly<Record<string, unknown>>,
  known: { has(column: string): boolean },
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => known.has(key)));
}

export function idAndName(record: Readonly<Record<string, unknown>>): { id?: string; name?: string } {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  const id = text(record.id);
  const name = text(record.name);
  return { ...(id ? { id } : {}), ...(name ? { name } : {}) };
}

/** Whether `file` sits directly in `dir` (the same folder, by device and inode, whatever the spelling of the paths). */
export function isInside(file: string, dir: string): boolean {
  try {
    const [parent, folder] = [statSync(dirname(resolve(file))), statSync(dir)];
    return parent.dev === folder.dev && parent.ino === folder.ino;
  } catch {
    return false;
  }
}

export function countInShard(records: number, shard: Shard | undefined): number {
  let count = 0;
  for (let index = 0; index < records; index++) if (inShard(index, shard)) count++;
  return count;
}
