// In-process rendering speed: ms per door notice through the session API, median over many renders,
// beside a bare-PDFKit baseline measured in the same run.
//
// Each case runs in its own process (one case's garbage never slows another), in turns, so that a
// slow spell of a shared machine falls on every case alike.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CASES } from './cases.js';
import { fmt, median } from './stats.js';

// A batch reaches its steady speed after about a hundred notices (JIT, font and layout caches).
const WARMUP = 100;
const worker = fileURLToPath(new URL('./render-case.js', import.meta.url));

export function singleNotice(runs, turns) {
  const labels = Object.keys(CASES);
  const times = new Map(labels.map((label) => [label, []]));
  for (let turn = 0; turn < turns; turn++) {
    for (const label of labels) {
      const args = [worker, label, String(Math.ceil(runs / turns)), String(WARMUP)];
      times.get(label).push(...JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })));
    }
  }
  const baseline = median(times.get('bare PDFKit, en+es (baseline)'));
  const lines = [
    `In one process, through the session API: median ms per notice over ${runs} renders (${turns} processes, after ${WARMUP} warm-up renders in each)`,
  ];
  for (const label of labels) {
    const ms = median(times.get(label));
    lines.push(`  ${label.padEnd(36)} ${fmt(ms).padStart(8)} ms   ${fmt(ms / baseline)}x baseline`);
  }
  return lines;
}
