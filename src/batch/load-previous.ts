import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { eachLine } from './lines.js';
import { readManifestFile } from './manifest-read.js';
import { entrySchema, failedSchema, journalFileName, manifestFileName, type Manifest, type ManifestEntry } from './manifest.js';
import type { Shard } from './shard.js';

const byIndex = (a: { index: number }, b: { index: number }): number => a.index - b.index;

/** The manifest an earlier run left in DIR (with rows from its journal), for `--resume`. */
export interface PreviousRun {
  readonly manifest?: Manifest;
  /** Why the earlier run's record was (partly) ignored; print them as warnings. */
  readonly warnings: readonly string[];
}

/**
 * Reads what an earlier run left in DIR, forgivingly: `--resume` must finish a job, and rendering a row again is
 * always safe, so a missing manifest means "render everything" and a malformed one is ignored with a warning
 * (every row is then rendered again) instead of stopping the run. Rows in the journal (a run that was killed)
 * are added to the manifest's; a torn last line is skipped.
 */
export function loadPrevious(dir: string, shard?: Shard): PreviousRun {
  const file = join(dir, manifestFileName(shard));
  const journal = join(dir, journalFileName(shard));
  if (!existsSync(file)) {
    return { warnings: existsSync(journal) ? [`${journal} has no ${manifestFileName(shard)} beside it; it is ignored`] : [] };
  }
  // Only regular files are read: a link planted in a shared folder is not this run's record (and a FIFO would hang).
  const notFile = [file, journal].find((path) => {
    const stats = existsSync(path) ? lstatSync(path) : undefined;
    return stats !== undefined && !stats.isFile() && !stats.isDirectory();
  });
  if (notFile)
    return { warnings: [`${notFile} is not a regular file; the earlier run's record is ignored and every row is rendered again`] };
  let manifest: Manifest;
  try {
    manifest = readManifestFile(file);
  } catch (error) {
    return { warnings: [`${(error as Error).message}; it is ignored and every row is rendered again`] };
  }
  if (!existsSync(journal)) return { manifest, warnings: [] };
  const replayed = replayJournal(journal, manifest);
  const warnings: string[] = [];
  if (replayed.skipped.length > 0) {
    const lines = replayed.skipped.slice(0, 5).join(', ') + (replayed.skipped.length > 5 ? ', …' : '');
    warnings.push(`${journal}: ${replayed.skipped.length} unreadable line(s) skipped; those rows are rendered again (line ${lines})`);
  }
  return { manifest: replayed.manifest, warnings };
}

const journalLine = z.union([z.object({ entry: entrySchema }).strict(), z.object({ failed: failedSchema }).strict()]);

/**
 * The manifest with the journal's rows laid over it (a later line for the same index wins). Each line is read
 * and decoded on its own: a line cut off by a kill (even in the middle of a character) or otherwise unreadable is
 * skipped and numbered in `skipped`, and every whole line is kept.
 */
export function replayJournal(journal: string, manifest: Manifest): { manifest: Manifest; skipped: number[] } {
  const entries = new Map(manifest.entries.map((entry) => [entry.index, entry]));
  const failed = new Map(manifest.failed.map((row) => [row.index, row]));
  const skipped: number[] = [];
  for (const { number, text } of eachLine(journal, 1024 * 1024)) {
    if (text !== undefined && text.trim() === '') continue;
    let parsed: ReturnType<typeof journalLine.safeParse> | undefined;
    try {
      parsed = text === undefined ? undefined : journalLine.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      skipped.push(number);
      continue;
    }
    if ('entry' in parsed.data) {
      entries.set(parsed.data.entry.index, parsed.data.entry as ManifestEntry);
      failed.delete(parsed.data.entry.index);
    } else {
      failed.set(parsed.data.failed.index, parsed.data.failed);
      entries.delete(parsed.data.failed.index);
    }
  }
  return { manifest: { ...manifest, entries: [...entries.values()].sort(byIndex), failed: [...failed.values()].sort(byIndex) }, skipped };
}
