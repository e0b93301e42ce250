import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve('bin/placard.js');

export interface Run {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs the real placard bin in a child process. */
export function placard(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'placard-test-'));
}

/** Renders with the given args into a temp file and returns the PDF bytes and the run. */
export function renderToBytes(args: readonly string[], env?: Record<string, string>): { run: Run; pdf: Uint8Array } {
  const out = join(tempDir(), 'out.pdf');
  const run = placard([...args, '-o', out], env ? { env } : {});
  if (run.code !== 0) throw new Error(`placard exited ${run.code}: ${run.stderr}`);
  return { run, pdf: new Uint8Array(readFileSync(out)) };
}
