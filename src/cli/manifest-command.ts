import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { serializeManifest } from '../batch/manifest.js';
import { readManifestFile } from '../batch/manifest-read.js';
import { mergeManifests, type ManifestSource } from '../batch/merge.js';
import { errorsBeside, mergeErrorFiles } from '../batch/merge-errors.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { writeSafely } from '../write/safe-output.js';
import { writeStdout } from './output-streams.js';
import type { CliIO, Reporter } from './io.js';

/** manifest.shard-K-of-N.json, as `placard batch --shard K/N` names it. */
const SHARD_MANIFEST = /^manifest\.shard-\d+-of-\d+\.json$/;

/**
 * `placard manifest merge DIR... [-o FILE]`: joins the manifests of the shards of one batch run.
 *
 * Each DIR is a batch output folder, or a manifest file. A folder's shard manifests
 * (`manifest.shard-K-of-N.json`) are read when it has any, else its `manifest.json` (so a merged manifest.json
 * beside the shard manifests is never merged again). A folder with a journal left beside a manifest
 * (`manifest….jsonl`) holds a run that did not finish, and is refused: resume it first.
 *
 * The merged manifest goes to stdout, or to FILE (written atomically) with `-o FILE`; with `-o`, the shards'
 * errors files (`errors.shard-K-of-N.csv` beside each manifest) are merged too, into errors.csv beside FILE. File paths in it are
 * relative to FILE's folder, or to the current folder for stdout: with every shard writing into one shared
 * folder, `placard manifest merge out -o out/manifest.json` gives what one unsharded run would have written.
 *
 * Exit 0 when every record of the input is in exactly one manifest (rows that failed count, and are listed as a
 * warning), 1 when rows are missing or given twice (nothing is written then), 2 for usage errors: no DIR, a
 * missing or malformed manifest, or manifests of different runs.
 */
export function manifestCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  const output = { writeOut: (text: string) => io.stdout.write(text), writeErr: (text: string) => io.stderr.write(text) };
  const command = new Command('manifest')
    .description('work with the manifests that placard batch writes')
    .exitOverride()
    .configureOutput(output);
  command
    .command('merge')
    .description('join the manifests of shards of one batch run, checking that every row is there exactly once')
    .argument('<dir...>', 'batch output folders (or manifest files)')
    .option('-o, --output <file>', 'write the merged manifest here (default: stdout)')
    .exitOverride()
    .configureOutput(output)
    .showHelpAfterError('(run "placard manifest merge --help" for usage)')
    .action(async (dirs: string[], flags: { output?: string }) => {
      const sources = findManifests(dirs).map((path) => ({ path, manifest: readManifestFile(path) }) satisfies ManifestSource);
      const target = flags.output === undefined || flags.output === '-' ? undefined : flags.output;
      const { manifest, problems } = mergeManifests(sources, target ? dirname(target) : '.');
      if (problems.length > 0) throw new InputError(problems);
      const errorsTarget = target ? join(dirname(target), 'errors.csv') : undefined;
      if (manifest.failed.length > 0) {
        const rows = manifest.failed.map((row) => row.row);
        const where = errorsTarget ?? sources.map(({ path }) => errorsBeside(path)).join(', ');
        reporter.warn(
          `${rows.length === 1 ? '1 row failed and has' : `${rows.length} rows failed and have`} no notice (row${rows.length === 1 ? '' : 's'} ` +
            `${rows.slice(0, 20).join(', ')}${rows.length > 20 ? ', …' : ''}); the reasons are in ${where}`,
        );
      }
      const bytes = serializeManifest(manifest);
      if (target && errorsTarget) {
        const errors = mergeErrorFiles(sources.map(({ path }) => path));
        for (const file of errors.missing) reporter.warn(`${file} is missing; its shard's failed rows have no reasons in ${errorsTarget}`);
        await writeSafely(errorsTarget, errors.bytes, { inputs: sources.map(({ path }) => path) });
        await writeSafely(target, bytes);
        reporter.info(
          `wrote ${target} and ${errorsTarget}: ${manifest.entries.length} notices, ${manifest.failed.length} failed, from ${sources.length} manifests`,
        );
      } else await writeStdout(io, bytes, 'the merged manifest');
      done(EXIT.ok);
    });
  return command;
}

/** The manifest files named by the arguments, each once. */
function findManifests(args: readonly string[]): string[] {
  const found = new Map<string, string>();
  for (const arg of args) {
    for (const path of manifestsIn(arg)) if (!found.has(resolve(path))) found.set(resolve(path), path);
  }
  return [...found.values()];
}

function manifestsIn(arg: string): string[] {
  if (!existsSync(arg)) throw new UsageError(`${arg}: no such folder or file; expected a batch output folder or a manifest file`);
  if (!statSync(arg).isDirectory()) return [arg];
  const names = readdirSync(arg);
  if (names.some((name) => /^manifest.*\.jsonl$/.test(name))) {
    throw new UsageError(
      `${arg} holds a batch run that did not finish (a manifest journal is there); run it again with --resume, then merge`,
    );
  }
  const shards = names.filter((name) => SHARD_MANIFEST.test(name)).sort();
  if (shards.length > 0) return shards.map((name) => join(arg, name));
  if (names.includes('manifest.json')) return [join(arg, 'manifest.json')];
  throw new UsageError(`${arg} has no manifest.json; expected the --out-dir of a placard batch run`);
}
