import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, tempDir } from '../cli/run-placard.js';

/** Rows of test/fixtures/businesses.csv that fail on their data: no name, an unknown language, a javascript: link. */
const BAD_IDS = ['b007', 'b010', 'b012'];

/** A folder to run a recipe in, with `placard` on PATH (as the image has it) and a city's spreadsheet with bad rows. */
export function recipeFolder(): { dir: string; env: NodeJS.ProcessEnv; badRecords: number[]; records: number } {
  const dir = tempDir();
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'placard'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'placard'), 0o755);
  copyFileSync('test/fixtures/businesses.csv', join(dir, 'city.csv'));
  // Records counted from 0 in file order, as --shard places them.
  const ids = readFileSync(join(dir, 'city.csv'), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]!);
  const badRecords = BAD_IDS.map((id) => ids.indexOf(id));
  if (badRecords.includes(-1)) throw new Error(`test/fixtures/businesses.csv no longer has the rows ${BAD_IDS.join(', ')}`);
  return { dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` }, badRecords, records: ids.length };
}

export interface Ran {
  readonly code: number;
  readonly stderr: string;
}

/** Runs a command as a container or a shell would: argv as given, in `cwd`, with `env`. */
export function runArgv(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Ran {
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stderr: result.stderr };
}

/** The shell commands of a README code block: comments dropped, backslash continuations joined. */
export function shellCommands(block: string): string[] {
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The body of the first ```sh block in the README that holds `marker`. */
export function readmeBlock(marker: string): string {
  const readme = readFileSync('README.md', 'utf8');
  const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!).find((body) => body.includes(marker));
  if (!block) throw new Error(`README.md has no sh block with "${marker}"`);
  return block;
}
