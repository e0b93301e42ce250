// Times one benchmark case in this process and prints the times (ms) as JSON.
import { CASES } from './cases.js';

const [label, runs, warmup] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const render = CASES[label];
for (let i = 0; i < warmup; i++) await render(i);
const times = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  await render(i);
  times.push(performance.now() - start);
}
console.log(JSON.stringify(times));
