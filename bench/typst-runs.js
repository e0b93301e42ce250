// The same notice in Typst (../shared/peers, the CEO's fixture): installed once into a temporary
// copy, since the fixture itself is read-only here, then run as whole processes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedOk } from './stats.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const candidates = [process.env.PLACARD_PEERS, join(repo, '../shared/peers'), join(repo, '../../shared/peers')];

/** The peers folder ready to run, or undefined with the reason printed. */
export function preparePeers(log) {
  const source = candidates
    .filter(Boolean)
    .map((dir) => resolve(dir))
    .find((dir) => existsSync(join(dir, 'render-typst.js')));
  if (!source) {
    log(`Typst: no peers folder found (tried ${candidates.filter(Boolean).join(', ')}; set PLACARD_PEERS); skipping Typst`);
    return undefined;
  }
  const lock = readFileSync(join(source, 'package-lock.json'));
  const copy = join(tmpdir(), `placard-bench-peers-${createHash('sha256').update(lock).digest('hex').slice(0, 12)}`);
  if (!existsSync(join(copy, 'node_modules', '@myriaddreamin'))) {
    log(`Typst: installing ${source} into ${copy} (npm ci, once)`);
    rmSync(copy, { recursive: true, force: true });
    cpSync(source, copy, { recursive: true, filter: (path) => !path.includes('node_modules') });
    try {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: copy, stdio: 'ignore' });
    } catch (error) {
      log(`Typst: npm ci failed in ${copy} (${error.message.split('\n')[0]}); skipping Typst`);
      return undefined;
    }
  }
  return copy;
}

/** Typst's own figures for a batch of `rows` notices in one process: { perNoticeMs, setupMs, ms }. */
export async function typstBatch(peers, variant, rows, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const args = ['render-typst.js', '--variant', variant, '--batch', String(rows), '--outdir', outDir];
  const result = await timedOk(process.execPath, args, { cwd: peers, pin: true });
  rmSync(outDir, { recursive: true, force: true });
  const line = JSON.parse(result.stdout.trim().split('\n').pop());
  return { perNoticeMs: line.per_notice_ms, setupMs: line.setup_ms, ms: result.ms, peakKb: result.peakKb };
}

/** One Typst notice from a cold start: the whole process. */
export const typstCold = (peers, variant, out, { machineEnv = false } = {}) =>
  timedOk(process.execPath, ['render-typst.js', '--variant', variant, '--out', out], { cwd: peers, pin: true, machineEnv });
