// Where a batch's threads spend their time, from outside: runs `node bin/placard.js batch …` and samples every
// thread's /proc schedstat (CPU time, time waiting for a core) and name every 20 ms, so the figures hold on a
// machine shared with other work: a worker's idle time is its life minus its CPU time minus its run-queue wait.
// Run: node bench/batch-threads.js <placard batch args…>     (Linux only)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setInterval, clearInterval } from 'node:timers';
import { PLACARD_BIN } from './placard-runs.js';
import { benchEnv } from './stats.js';

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** tid → { name, first, last, cpuNs, waitNs } for every thread seen. */
function sampler(pid) {
  const threads = new Map();
  const sample = () => {
    let tids;
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      return;
    }
    const now = performance.now();
    for (const tid of tids) {
      const sched = read(`/proc/${pid}/task/${tid}/schedstat`);
      if (!sched) continue;
      const [cpuNs, waitNs] = sched.trim().split(/\s+/).map(Number);
      const seen = threads.get(tid) ?? { name: read(`/proc/${pid}/task/${tid}/comm`)?.trim() ?? '?', first: now };
      threads.set(tid, { ...seen, last: now, cpuNs, waitNs });
    }
  };
  return { sample, threads };
}

const args = process.argv.slice(2);
const started = performance.now();
const child = spawn(process.execPath, [PLACARD_BIN, ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: benchEnv() });
const { sample, threads } = sampler(child.pid);
const timer = setInterval(sample, 20);
const code = await new Promise((resolve) => child.on('exit', resolve));
clearInterval(timer);
const wall = performance.now() - started;
const ms = (ns) => (ns / 1e6).toFixed(0);
console.log(`exit ${code}, wall ${wall.toFixed(0)} ms`);
const main = threads.get(String(child.pid));
if (main) console.log(`main thread: cpu ${ms(main.cpuNs)} ms, run-queue wait ${ms(main.waitNs)} ms`);
// Every thread is called "node": the workers are the threads that did most of the work.
const jobs = Number(args[args.indexOf('--jobs') + 1] ?? 1);
const workers = [...threads.entries()]
  .filter(([tid]) => tid !== String(child.pid))
  .sort(([, a], [, b]) => b.cpuNs - a.cpuNs)
  .slice(0, jobs);
for (const [tid, t] of workers) {
  const life = t.last - t.first;
  const idle = life - t.cpuNs / 1e6 - t.waitNs / 1e6;
  console.log(
    `worker ${tid}: seen ${life.toFixed(0)} ms, cpu ${ms(t.cpuNs)} ms, run-queue wait ${ms(t.waitNs)} ms, idle ${idle.toFixed(0)} ms`,
  );
}
const others = [...threads.entries()].filter(([tid]) => tid !== String(child.pid) && !workers.some(([w]) => w === tid));
const otherCpu = others.reduce((sum, [, t]) => sum + t.cpuNs, 0);
console.log(
  `other threads (${others
    .map(([, t]) => t.name)
    .filter((v, i, a) => a.indexOf(v) === i)
    .join(', ')}): cpu ${ms(otherCpu)} ms`,
);
