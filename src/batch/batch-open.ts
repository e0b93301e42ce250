import { basename } from 'node:path';
import { mapColumns, runFields } from '../read/rows/column-map.js';
import { openRows, type RowSource } from '../read/rows/read-rows.js';
import { writeSafely } from '../write/safe-output.js';
import type { BatchPlan } from './batch-plan.js';
import { CombinedFile } from './combined-file.js';
import { ErrorsWriter } from './errors-writer.js';
import { FileNamer } from './file-names.js';
import { knownColumns } from './known-columns.js';
import { loadPrevious } from './load-previous.js';
import type { WriteAtomic } from './manifest.js';
import { ManifestWriter } from './manifest-writer.js';
import { PreviousManifest } from './resume.js';
import { countInShard } from './run-parts.js';

/** The rows to read, and what an earlier run left for `--resume`. */
export interface BatchInput {
  readonly source: RowSource;
  readonly resume: PreviousManifest | undefined;
  /** The columns a record keeps (the template's fields). */
  readonly known: ReturnType<typeof knownColumns>;
  /** Records in this run's shard. */
  readonly total: number;
  /** Lines for the start of the run: what resume found, what the column mapping did. */
  readonly notes: readonly string[];
}

/** What a run writes besides the combined file's pages: PDFs, the manifest, errors.csv. */
export interface BatchOutputs {
  readonly write: WriteAtomic;
  readonly writer: ManifestWriter;
  readonly errors: ErrorsWriter;
  readonly namer: FileNamer;
  readonly combined: CombinedFile | undefined;
}

export async function openInput(plan: BatchPlan): Promise<BatchInput> {
  const { options, header, main } = plan;
  const notes: string[] = [];
  const previous = options.resume ? loadPrevious(plan.files.dir, options.shard) : undefined;
  const resume = previous ? new PreviousManifest(previous.manifest, header) : undefined;
  if (previous) notes.push(...previous.warnings, ...resume!.changes());
  const opened = await openRows(options.dataFile, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(options.headerRow ? { headerRow: options.headerRow } : {}),
    ...(plan.parsed ? { reread: plan.parsed } : {}),
  });
  // Headers as cities write them ("Business Name", "ZIP"); a required field with no column stops here, before any row renders.
  const { source, notes: columnNotes } = mapColumns(opened, runFields(main.fields), options.columns);
  notes.push(...columnNotes);
  return { source, resume, known: knownColumns(main.fields), total: countInShard(plan.records, options.shard), notes };
}

export async function openOutputs(plan: BatchPlan): Promise<BatchOutputs> {
  const { options, files } = plan;
  const write: WriteAtomic = (path, bytes) =>
    writeSafely(path, bytes, { inputs: [options.dataFile], replaceLinks: true, tempTag: files.tempTag });
  const writer = await ManifestWriter.open(files.dir, plan.header, write, { tempTag: files.tempTag });
  const errors = ErrorsWriter.open(files.errors, files.tempTag);
  const namer = new FileNamer();
  const combined = plan.combinedTarget ? await CombinedFile.open(plan.combinedTarget, plan.main) : undefined;
  if (combined && plan.combinedInside) namer.reserve(basename(options.combined!));
  return { write, writer, errors, namer, combined };
}
