// Small helpers the benchmark's parts share: medians, timed child processes, peak RSS.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setInterval, clearInterval } from 'node:timers';

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);
const TASKSET = '/usr/bin/taskset';
export const hasTaskset = existsSync(TASKSET);

/**
 * Runs a command to its end and gives { ms, peakKb, stdout, stderr, code }: wall time of the whole
 * process and its peak resident set (GNU time's %M, or else the highest VmHWM read from /proc while it
 * ran; worker threads share their process's memory, so the process's figure covers them). The process gets
 * benchEnv(env), or with `machineEnv` this process's environment as it is.
 */
export function timed(command, args, { cwd, env, pin, machineEnv = false } = {}) {
  // Pinned: the whole process (workers included) on core 0, so placard and Typst get one core each alike.
  if (pin && hasTaskset) [command, args] = [TASKSET, ['-c', '0', command, ...args]];
  const scratch = mkdtempSync(join(tmpdir(), 'placard-bench-time-'));
  const rssFile = join(scratch, 'rss');
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, argv, {
      cwd,
      env: machineEnv ? { ...process.env, ...env } : benchEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let sampledKb = 0;
    const sampler = hasGnuTime
      ? undefined
      : setInterval(() => {
          try {
            const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (match) sampledKb = Math.max(sampledKb, Number(match[1]));
          } catch {
            // the process has just ended
          }
        }, 25);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (sampler) clearInterval(sampler);
      const peakKb = hasGnuTime && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : sampledKb;
      rmSync(scratch, { recursive: true, force: true });
      resolve({ ms, peakKb, stdout, stderr, code });
    });
  });
}

/**
 * The environment every measured process gets: this one's, less NODE_EXTRA_CA_CERTS. With it set, Node reads and
 * parses every certificate in that file as it starts, whatever the program (about 400 M instructions for Debian's
 * 140-odd, more than a placard render of its own: 2026-12-03), a cost of the machine that neither placard nor Typst
 * asks for, and that pulls every start-up ratio towards 1.
 */
export function benchEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Like timed(), but a non-zero exit is an error that shows the child's output. */
export async function timedOk(command, args, options) {
  const result = await timed(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.code}\n${result.stderr}${result.stdout}`);
  }
  return result;
}
