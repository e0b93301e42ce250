import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export const BIN = resolve('bin/placard.js');

export interface Run {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  /** For `placard` (a real process): killed after this many ms, for a case that must not hang (code -1). */
  readonly timeout?: number;
}

/**
 * Runs placard in this process, through `main(argv, io)` (the CLI core, which never touches `process`), with
 * stdout and stderr caught in memory: what bin/placard.js does, without starting Node and loading every module
 * again for each case. bin/placard.js's own part (exit codes, signals, pipes) is covered by `placard` smoke tests.
 */
export async function placardIn(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const out: Buffer[] = [];
  let err = '';
  const io: CliIO = {
    stdout: {
      write: (chunk, callback) => {
        out.push(Buffer.from(chunk));
        callback?.();
        return true;
      },
    },
    stderr: { write: (chunk) => (err += chunk) },
    env: { ...process.env, ...options.env },
    stdin: Readable.from([]),
  };
  const cwd = process.cwd();
  if (options.cwd) process.chdir(options.cwd);
  try {
    const code = await main(args, io);
    return { code, stdout: Buffer.concat(out), stderr: err };
  } finally {
    process.chdir(cwd);
  }
}

/** Runs the real placard bin in a child process: for the few cases about the process itself. */
export function placard(args: readonly string[], options: RunOptions = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
    ...(options.timeout ? { timeout: options.timeout } : {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'placard-test-'));
}

/** Renders with the given args into a temp file and returns the PDF bytes and the run. */
export async function renderToBytes(args: readonly string[], env?: Record<string, string>): Promise<{ run: Run; pdf: Uint8Array }> {
  const out = join(tempDir(), 'out.pdf');
  const run = await placardIn([...args, '-o', out], env ? { env } : {});
  if (run.code !== 0) throw new Error(`placard exited ${run.code}: ${run.stderr}`);
  return { run, pdf: new Uint8Array(readFileSync(out)) };
}
