import { z } from 'zod';
import { UsageError } from '../errors.js';
import { readTextFile } from '../read/text-file.js';
import type { Shard } from './shard.js';

/** Writes a whole file atomically (temp file + rename in the same folder); the batch runner passes its own. */
export type WriteAtomic = (path: string, bytes: Uint8Array) => Promise<void>;

/** A run option that changes what the PDFs look like (languages, size, arrange, rights_url, …). */
export type OptionValue = string | number | boolean | null | readonly string[];
export type OutputOptions = Readonly<Record<string, OptionValue>>;

/** What a run was made from: the same for every row. */
export interface ManifestHeader {
  readonly placard_version: string;
  readonly template: string;
  readonly input: { readonly file: string; readonly sha256: string };
  /** Every option that changes output bytes, and nothing else (not --jobs, --quiet or --out-dir). */
  readonly options: OutputOptions;
  readonly shard?: Shard;
}

/** One notice made. `file` is relative to the manifest's folder. */
export interface ManifestEntry {
  /** Spreadsheet row number (the header is row 1). */
  readonly row: number;
  /** Position among the input's records, from 0: what shards and `manifest merge` count by. */
  readonly index: number;
  readonly id?: string;
  readonly name: string;
  readonly file: string;
  readonly sha256: string;
  readonly template: string;
  readonly languages: readonly string[];
  readonly warnings: readonly string[];
  /** sha256 of the row's validated record (see `recordSha256`): a resume renders a row again when it changes. */
  readonly record_sha256: string;
}

/** A row that was not rendered; its problems are in errors.csv. */
export interface FailedRow {
  readonly row: number;
  readonly index: number;
  readonly id?: string;
  readonly name?: string;
}

/**
 * DIR/manifest.json. `rows_total` (how many records the input has, all shards together) is written when a run
 * finishes, so a manifest without it is from a run that stopped early. Entries and failed rows are sorted by
 * `index`, and nothing in the file depends on time, `--jobs` or the order rows finished: an interrupted run
 * that is resumed ends with the same bytes as an uninterrupted one.
 */
export interface Manifest extends ManifestHeader {
  readonly rows_total?: number;
  readonly entries: readonly ManifestEntry[];
  readonly failed: readonly FailedRow[];
}

/** One line of the journal: a row made, or a row that failed. */
export type JournalLine = { readonly entry: ManifestEntry } | { readonly failed: FailedRow };

/** `manifest.json`, or `manifest.shard-2-of-8.json` so that shards can share one output folder. */
export function manifestFileName(shard?: Shard): string {
  return shard && shard.n > 1 ? `manifest.shard-${shard.k}-of-${shard.n}.json` : 'manifest.json';
}

/** The journal beside a manifest: one JSON line per row finished since the last time the manifest was written. */
export function journalFileName(shard?: Shard): string {
  return `${manifestFileName(shard)}l`;
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');
const rowNumber = z.number().int().min(1);
const index = z.number().int().min(0);
const optionValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const entrySchema = z
  .object({
    row: rowNumber,
    index,
    id: z.string().optional(),
    name: z.string(),
    file: z.string().min(1),
    sha256,
    template: z.string().min(1),
    languages: z.array(z.string()),
    warnings: z.array(z.string()),
    record_sha256: sha256,
  })
  .strict();

export const failedSchema = z.object({ row: rowNumber, index, id: z.string().optional(), name: z.string().optional() }).strict();

const headerShape = {
  placard_version: z.string().min(1),
  template: z.string().min(1),
  input: z.object({ file: z.string(), sha256 }).strict(),
  options: z.record(optionValue),
  shard: z
    .object({ k: z.number().int().min(1), n: z.number().int().min(1) })
    .strict()
    .refine((shard) => shard.k <= shard.n, 'k must not exceed n')
    .optional(),
};

const manifestSchema = z
  .object({ ...headerShape, rows_total: z.number().int().min(0).optional(), entries: z.array(entrySchema), failed: z.array(failedSchema) })
  .strict();

/** Parses manifest text; anything else is a usage error that names the file and the first few problems. */
export function parseManifest(text: string, file: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not a placard manifest: it is not valid JSON (${(error as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    throw new UsageError(`${file} is not a placard manifest: ${problems.join('; ')}`);
  }
  return parsed.data as Manifest;
}

/** Reads a manifest file strictly: a missing or malformed file is a usage error naming it. */
export function readManifestFile(file: string): Manifest {
  return parseManifest(readTextFile(file, 256 * 1024 * 1024, 'manifest'), file);
}

/**
 * The manifest as bytes: two-space JSON with a fixed key order, options sorted by name, entries and failed rows
 * sorted by index, one trailing newline.
 */
export function serializeManifest(manifest: Manifest): Uint8Array {
  const ordered = {
    placard_version: manifest.placard_version,
    template: manifest.template,
    input: { file: manifest.input.file, sha256: manifest.input.sha256 },
    options: sortedOptions(manifest.options),
    ...(manifest.shard ? { shard: { k: manifest.shard.k, n: manifest.shard.n } } : {}),
    ...(manifest.rows_total !== undefined ? { rows_total: manifest.rows_total } : {}),
    entries: [...manifest.entries].sort(byIndex).map(orderedEntry),
    failed: [...manifest.failed].sort(byIndex).map(orderedFailed),
  };
  return new TextEncoder().encode(`${JSON.stringify(ordered, null, 2)}\n`);
}

export function sortedOptions(options: OutputOptions): OutputOptions {
  return Object.fromEntries(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const byIndex = (a: { index: number }, b: { index: number }): number => a.index - b.index;

export function orderedEntry(entry: ManifestEntry): ManifestEntry {
  return {
    row: entry.row,
    index: entry.index,
    ...(entry.id !== undefined ? { id: entry.id } : {}),
    name: entry.name,
    file: entry.file,
    sha256: entry.sha256,
    template: entry.template,
    languages: [...entry.languages],
    warnings: [...entry.warnings],
    record_sha256: entry.record_sha256,
  };
}

export function orderedFailed(failed: FailedRow): FailedRow {
  return {
    row: failed.row,
    index: failed.index,
    ...(failed.id !== undefined ? { id: failed.id } : {}),
    ...(failed.name !== undefined ? { name: failed.name } : {}),
  };
}
