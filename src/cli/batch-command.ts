import { Command } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { ROW_FORMATS, type RowFormat } from '../read/rows/row-source.js';
import type { CliIO, Reporter } from './io.js';
import { parseMapFlags, readColumnsFile } from '../read/rows/column-map.js';
import { addSessionFlags, choiceOption, collect, sessionOptions, type SessionFlags } from './session-flags.js';

interface BatchFlags extends SessionFlags {
  data: string;
  format?: RowFormat;
  sheet?: string;
  outDir: string;
  combined?: string;
  jobs?: string;
  resume?: boolean;
  shard?: string;
  quiet?: boolean;
  headerRow?: string;
  columns?: string;
  map: string[];
  allowBadRows?: boolean;
}

export function batchCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  const command = new Command('batch')
    .description('render one notice per row of a spreadsheet (CSV, TSV, XLSX, JSON, NDJSON, YAML)')
    .argument('<template>', 'template or packet id, e.g. private-areas or business-packet')
    .requiredOption('--data <file>', 'the businesses, one per row')
    .addOption(choiceOption('--format <format>', 'the data format (default: from the file extension)', ROW_FORMATS))
    .option('--sheet <name>', 'XLSX only: the sheet to read (default: the first)')
    .requiredOption('--out-dir <dir>', 'folder for the PDFs, manifest.json and errors.csv')
    .option('--combined <file>', 'also write one PDF of every notice, in input order')
    .option(
      '--jobs <n>',
      "rendering threads, the main thread one of them (default: one per core, within a container's CPU quota; never more than rows)",
    )
    .option('--resume', 'keep the notices an earlier run made that are still right, and make the rest')
    .option('--shard <k/n>', 'render only shard K of N (or auto from JOB_COMPLETION_INDEX)')
    .option('--quiet', 'no progress output')
    .option('--header-row <n>', 'the row that holds the column names (default: found under a title or notes)')
    .option('--columns <file>', 'a YAML file of field: Column Header lines, for headers placard does not recognise')
    .option('--map <field=header>', 'which column gives a field, like --map name="Legal Name" (repeatable)', collect, [])
    .option(
      '--allow-bad-rows',
      'exit 0 when rows failed only for their data (still in errors.csv and the manifest), as a retrying job runner needs',
    );
  return addSessionFlags(command).action(async (template: string, flags: BatchFlags) => {
    const [{ runBatch }, { parseShard }, { BatchProgress }] = await Promise.all([
      import('../batch/run-batch.js'),
      import('../batch/shard.js'),
      import('./batch-progress.js'),
    ]);
    const progress = new BatchProgress(io, reporter, flags.quiet === true);
    try {
      const summary = await runBatch(
        {
          session: sessionOptions(template, flags, io.env),
          dataFile: flags.data,
          outDir: flags.outDir,
          ...(flags.format ? { format: flags.format } : {}),
          ...(flags.sheet ? { sheet: flags.sheet } : {}),
          ...(flags.combined ? { combined: flags.combined } : {}),
          ...(flags.jobs !== undefined ? { jobs: jobs(flags.jobs) } : {}),
          ...(flags.resume ? { resume: true } : {}),
          ...(flags.shard ? { shard: parseShard(flags.shard, io.env) } : {}),
          ...(flags.headerRow !== undefined ? { headerRow: headerRow(flags.headerRow) } : {}),
          ...(flags.columns !== undefined || flags.map.length > 0
            ? { columns: { ...(flags.columns !== undefined ? readColumnsFile(flags.columns) : {}), ...parseMapFlags(flags.map) } }
            : {}),
        },
        progress.onEvent,
      );
      progress.end(summary);
      if (summary.interrupted) {
        reporter.error(
          `stopped by ${summary.interrupted}: what was done is in ${summary.manifest} and ${summary.errors}; rerun with --resume to finish`,
        );
        return done(summary.interrupted === 'SIGINT' ? 130 : 143);
      }
      for (const stack of summary.internal) reporter.info(stack);
      if (summary.internal.length > 0) {
        reporter.error('some rows failed because of a bug in placard; please report it with the traces above');
        return done(EXIT.internal);
      }
      // A Kubernetes pod that exits 1 is run again; bad rows fail the same way every time, so a job may ask for 0.
      done(summary.failed > 0 && !flags.allowBadRows ? EXIT.input : EXIT.ok);
    } catch (error) {
      progress.end();
      throw error;
    }
  });
}

function headerRow(value: string): number {
  if (!/^\d{1,7}$/.test(value.trim()) || Number(value) < 1) {
    throw new UsageError(`--header-row expects the number of the row that holds the column names, like --header-row 3; found "${value}"`);
  }
  return Number(value);
}

function jobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) {
    throw new UsageError(`--jobs expects a whole number of rendering threads from 1 to 256, found "${value}"`);
  }
  return Number(value);
}
