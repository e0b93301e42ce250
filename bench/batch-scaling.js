// One `batch` run in this process, for #21's scaling figures: wall time, rows per second, the main thread's own
// CPU time (Linux: /proc/thread-self/schedstat) and the time workers sat with no row while rows remained
// (summary.workersWaited). Compare a run pinned to one core with one on N:
//   taskset -c 0 node bench/batch-scaling.js rows.csv 1 en,es
//   node bench/batch-scaling.js rows.csv 2 en,es
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../dist/batch/run-batch.js';

const [data, jobs = '1', languages = 'en,es', template = 'private-areas'] = process.argv.slice(2);
if (!data) {
  process.stderr.write('usage: node bench/batch-scaling.js <rows.csv> [jobs] [languages] [template]\n');
  process.exit(2);
}
/** [CPU ns, run-queue wait ns] of the calling thread. */
const thread = () => readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(/\s+/).slice(0, 2).map(Number);
const outDir = mkdtempSync(join(tmpdir(), 'placard-scaling-'));
const [cpu0, wait0] = thread();
const started = performance.now();
const summary = await runBatch({
  session: { template, languages: languages.split(',') },
  dataFile: data,
  outDir,
  jobs: Number(jobs),
});
const wall = performance.now() - started;
const [cpu1, wait1] = thread();
rmSync(outDir, { recursive: true, force: true });
const ms = (value) => value.toFixed(0).padStart(6);
console.log(
  `jobs ${jobs}: ${summary.made} made in ${ms(wall)} ms (${((1000 * summary.made) / wall).toFixed(1)} rows/s); ` +
    `main thread cpu ${ms((cpu1 - cpu0) / 1e6)} ms, run-queue wait ${ms((wait1 - wait0) / 1e6)} ms; ` +
    `workers waited for rows ${ms(summary.workersWaited * 1000)} ms`,
);
