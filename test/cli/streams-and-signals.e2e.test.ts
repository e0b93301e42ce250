import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from './run-placard.js';

/** Runs the real bin with the given stdio, and resolves with its exit code and stderr. */
function run(args: readonly string[], stdio: { stdout?: number | 'pipe'; stderr?: number | 'pipe'; closeStdout?: boolean }) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', stdio.stdout ?? 'pipe', stdio.stderr ?? 'pipe'] });
  // The reader of the PDF goes away before placard writes it.
  if (stdio.closeStdout) child.stdout!.destroy();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return {
    child,
    done: new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal, stderr })),
    ),
  };
}

const hasDevFull = existsSync('/dev/full');

describe('write errors on stdout and stderr', () => {
  it('-o - to a stdout whose reader closed it is exit 2 with a message, not a silent success', async () => {
    const { done } = run(['render', 'private-areas', '--set', 'name=A', '-o', '-'], { closeStdout: true });
    const result = await done;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('could not write the PDF to stdout');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.runIf(hasDevFull)('an export to a full stdout (locales export -o -) is exit 2 naming what was not delivered', async () => {
    const full = openSync('/dev/full', 'w');
    const { done } = run(['locales', 'export', 'es', '--format', 'po', '-o', '-'], { stdout: full });
    const result = await done;
    closeSync(full);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('could not write the po export to stdout: the disk is full');
  });

  it('a listing whose reader stops early (placard templates list | head -1) is not an error', async () => {
    const { done } = run(['templates', 'list'], { closeStdout: true });
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it.runIf(hasDevFull)('a full stdout is exit 2 with a message, never a stack trace', async () => {
    const full = openSync('/dev/full', 'w');
    const { done } = run(['templates', 'list'], { stdout: full });
    const result = await done;
    closeSync(full);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('could not write to stdout: the disk is full');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.runIf(hasDevFull)('a full stderr loses the warnings, never the PDF', async () => {
    const out = join(tempDir(), 'notice.pdf');
    const full = openSync('/dev/full', 'w');
    // es is a draft: render warns on stderr, which cannot take it.
    const { done } = run(['render', 'private-areas', '--set', 'name=A', '--lang', 'en,es', '-o', out], { stderr: full });
    const result = await done;
    closeSync(full);
    expect(result.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

/** Whether the process has a handler for the signal, from /proc (Linux): SigCgt is a mask of caught signals. */
function catches(pid: number, signal: number): boolean {
  try {
    const mask = /SigCgt:\s*([0-9a-f]+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return mask !== undefined && (BigInt(`0x${mask}`) & (1n << BigInt(signal - 1))) !== 0n;
  } catch {
    return false;
  }
}

/**
 * Until placard's handlers are in: Node itself catches SIGINT and SIGTERM from the start (to reset the
 * terminal), not SIGHUP, and placard installs SIGHUP's last (src/cli/signals.ts): once it is caught, all are in.
 */
async function untilReady(pid: number): Promise<void> {
  while (!catches(pid, 1)) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('stop signals', () => {
  const linux = existsSync('/proc/self/status') && spawnSync('true').status === 0;

  it.runIf(linux).each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s while render waits for stdin exits %i, as shells report it', async (name, code) => {
    // --data - with stdin held open: placard waits there, so the signal always lands mid-run.
    const { child, done } = run(['render', 'private-areas', '--data', '-', '-o', join(tempDir(), 'x.pdf')], {});
    await untilReady(child.pid!);
    child.kill(name);
    const result = await done;
    expect(result.code).toBe(code);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
