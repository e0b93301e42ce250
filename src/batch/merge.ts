import { dirname, join, relative, sep } from 'node:path';
import { UsageError, type Problem } from '../errors.js';
import type { FailedRow, Manifest, ManifestEntry } from './manifest.js';
import { canonicalJson } from './resume.js';
import { formatShard, shardOf } from './shard.js';

/** A manifest and the path it was read from. */
export interface ManifestSource {
  readonly path: string;
  readonly manifest: Manifest;
}

export interface MergeResult {
  readonly manifest: Manifest;
  /** Rows in no manifest, or in more than one: the merge is incomplete when there are any. */
  readonly problems: readonly Problem[];
}

/**
 * Joins the manifests of the shards of one run into the manifest of the whole run.
 *
 * - Manifests must come from the same run: the same placard version, template, input (by sha256), output options,
 *   content of the template, fonts and translations (by digest), record count and shard count. Anything else is a usage error naming both files and the difference. A manifest
 *   without `rows_total` is from a run that stopped early: resume it first.
 * - Every record of the input must be in exactly one manifest, as a notice made or a row that failed. Records in
 *   no manifest, or in two, come back as problems (by spreadsheet row where the manifests show how records map to
 *   rows, else by record number), with a hint when a whole shard is absent.
 * - Each entry's `file` is made relative to `outputDir`, the folder the merged manifest goes to (or the current
 *   folder for stdout), so that shards written into one shared folder and merged into it give exactly the
 *   manifest.json of an unsharded run.
 */
export function mergeManifests(sources: readonly ManifestSource[], outputDir: string): MergeResult {
  if (sources.length === 0) throw new UsageError('manifest merge needs at least one manifest');
  const [first, ...rest] = sources as [ManifestSource, ...ManifestSource[]];
  const total = rowsTotal(first);
  for (const other of rest) checkSameRun(first, other);
  const made = new Map<number, { entry: ManifestEntry; path: string }[]>();
  const failed = new Map<number, { row: FailedRow; path: string }[]>();
  for (const { path, manifest } of sources) {
    for (const entry of manifest.entries) {
      const file = relativeFile(outputDir, join(dirname(path), entry.file));
      push(made, entry.index, { entry: { ...entry, file }, path });
    }
    for (const row of manifest.failed) push(failed, row.index, { row, path });
  }
  const beyond = [...new Set([...made.keys(), ...failed.keys()])].filter((index) => index >= total).sort((a, b) => a - b);
  const problems: Problem[] = [
    ...duplicates(made, failed),
    ...missing(sources, made, failed, total),
    ...beyond.map((index) => ({ message: `record ${index + 1} is listed, but the input has only ${total} records` })),
  ];
  const { shard: _shard, ...header } = first.manifest;
  return {
    manifest: {
      ...header,
      rows_total: total,
      entries: [...made.values()].map((copies) => copies[0]!.entry).sort((a, b) => a.index - b.index),
      failed: [...failed.values()].map((copies) => copies[0]!.row).sort((a, b) => a.index - b.index),
    },
    problems,
  };
}

function rowsTotal({ path, manifest }: ManifestSource): number {
  if (manifest.rows_total === undefined) {
    throw new UsageError(`${path} is from a run that did not finish (it has no rows_total); run it again with --resume, then merge`);
  }
  return manifest.rows_total;
}

function checkSameRun(first: ManifestSource, other: ManifestSource): void {
  const a = first.manifest;
  const b = other.manifest;
  const total = rowsTotal(other);
  const differences: [string, unknown, unknown][] = [
    ['placard version', a.placard_version, b.placard_version],
    ['template', a.template, b.template],
    ['input sha256', a.input.sha256, b.input.sha256],
    ['options', canonicalJson(a.options), canonicalJson(b.options)],
    ['template, font or translation content', canonicalJson(a.content ?? null), canonicalJson(b.content ?? null)],
    ['record count', a.rows_total, total],
    ['shard count', a.shard?.n ?? 1, b.shard?.n ?? 1],
  ];
  const found = differences.find(([, left, right]) => left !== right);
  if (found) {
    const [what, left, right] = found;
    throw new UsageError(
      `${first.path} and ${other.path} are not shards of one run: the ${what} differs (${String(left)} and ${String(right)}). ` +
        'Merge only manifests of one input, rendered with the same placard version, template and options',
    );
  }
}

function duplicates(
  made: ReadonlyMap<number, { entry: ManifestEntry; path: string }[]>,
  failed: ReadonlyMap<number, { row: FailedRow; path: string }[]>,
): Problem[] {
  const problems: Problem[] = [];
  const indexes = [...new Set([...made.keys(), ...failed.keys()])].sort((a, b) => a - b);
  for (const index of indexes) {
    const copies = [
      ...(made.get(index) ?? []).map(({ entry, path }) => ({ row: entry.row, path })),
      ...(failed.get(index) ?? []).map(({ row, path }) => ({ row: row.row, path })),
    ];
    if (copies.length > 1) {
      problems.push({
        row: copies[0]!.row,
        message: `is in ${copies.length} manifests (${copies.map(({ path }) => path).join(', ')}); expected one`,
      });
    }
  }
  return problems;
}

function missing(
  sources: readonly ManifestSource[],
  made: ReadonlyMap<number, unknown>,
  failed: ReadonlyMap<number, unknown>,
  total: number,
): Problem[] {
  const absent: number[] = [];
  for (let index = 0; index < total; index += 1) if (!made.has(index) && !failed.has(index)) absent.push(index);
  if (absent.length === 0) return [];
  const n = sources[0]!.manifest.shard?.n ?? 1;
  const present = new Set(sources.map(({ manifest }) => manifest.shard?.k ?? 1));
  const absentShards = [...new Set(absent.map((index) => shardOf(index, n)))].filter((k) => !present.has(k)).sort((a, b) => a - b);
  const hint =
    absentShards.length > 0 ? `; no manifest of shard ${absentShards.map((k) => formatShard({ k, n })).join(', ')} was given` : '';
  const name = rowNamer(sources);
  const shown = absent.slice(0, 10).map(name).join(', ');
  const more = absent.length > 10 ? ` and ${absent.length - 10} more` : '';
  return [{ message: `${absent.length} of ${total} rows are in no manifest: ${shown}${more}${hint}` }];
}

/** "row 7" when every entry's row is its index plus one same offset (a sheet without blank rows), else "record 6". */
function rowNamer(sources: readonly ManifestSource[]): (index: number) => string {
  const offsets = new Set(sources.flatMap(({ manifest }) => [...manifest.entries, ...manifest.failed].map((row) => row.row - row.index)));
  const [offset] = [...offsets];
  return offsets.size === 1 ? (index) => `row ${index + offset!}` : (index) => `record ${index + 1}`;
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A path relative to `base`, with `/` between folders on every system. */
function relativeFile(base: string, file: string): string {
  return relative(base, file).split(sep).join('/');
}
