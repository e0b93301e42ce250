import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import { PLACARD_VERSION } from '../paths.js';
import { prepare, type Renderer } from '../session/prepare.js';
import type { OutputTarget } from '../write/safe-output.js';
import type { BatchEvent, BatchOptions } from './batch-types.js';
import { CombinedFile } from './combined-file.js';
import { contentDigest } from './content-digest.js';
import { inputDigest } from './input-digest.js';
import type { ContentDigest, ManifestHeader } from './manifest.js';
import { checkMappedFields, runFields } from '../read/rows/column-map.js';
import type { ParsedRecords } from '../read/rows/read-rows.js';
import { checkAliases, manifestTemplate, openOutDir, runFiles, type RunFiles } from './out-dir.js';
import { isInside, outputOptions } from './run-parts.js';

/** What a batch run knows before it takes its lock: the checked outputs, the manifest header, the input's size. */
export interface BatchPlan {
  readonly options: BatchOptions;
  readonly started: number;
  /** The main thread's session: fields, the combined file's fonts, content digests. */
  readonly main: Renderer;
  readonly template: string;
  readonly files: RunFiles;
  /** Records in the whole input (every shard). */
  readonly records: number;
  /** The input's records as the count read them (CSV, TSV of a few thousand rows), read once by the run. */
  readonly parsed: ParsedRecords | undefined;
  readonly combinedInside: boolean;
  readonly combinedTarget: OutputTarget | undefined;
  readonly content: ContentDigest;
  readonly header: ManifestHeader;
}

/** Everything that can refuse the run does so here, before any file is touched (but the output folder's creation). */
export async function planBatch(options: BatchOptions, onEvent: (event: BatchEvent) => void): Promise<BatchPlan> {
  const started = Date.now();
  const main = prepare(options.session);
  const template = main.id;
  const files = runFiles(options.outDir, options.shard);
  checkAliases(files, options.dataFile, options.combined);
  checkMappedFields(runFields(main.fields), options.columns);
  const digest = await inputDigest(options.dataFile, options);
  openOutDir(options.outDir, () => onEvent({ type: 'note', message: `created the output folder ${options.outDir}` }));
  const combinedInside = options.combined !== undefined && isInside(options.combined, files.dir);
  const combinedTarget = options.combined ? CombinedFile.check(options.combined, main, [options.dataFile], combinedInside) : undefined;
  const content = contentDigest(main, options.session);
  const header: ManifestHeader = {
    placard_version: PLACARD_VERSION,
    template,
    input: { file: basename(options.dataFile), sha256: digest.sha256 },
    options: outputOptions(options.session),
    content,
    ...(options.shard ? { shard: options.shard } : {}),
  };
  refuseOtherTemplate(files.manifest, template);
  return {
    options,
    started,
    main,
    template,
    files,
    records: digest.records,
    parsed: digest.parsed,
    combinedInside,
    combinedTarget,
    content,
    header,
  };
}

function refuseOtherTemplate(manifest: string, template: string): void {
  const earlier = manifestTemplate(manifest);
  if (earlier !== undefined && earlier !== template) {
    throw new UsageError(
      `${manifest} records a run of ${earlier}; a run of ${template} would replace it and its errors file. ` +
        'Give another --out-dir, or remove that manifest first',
    );
  }
}
