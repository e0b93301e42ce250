// Sums a .cpuprofile (node --cpu-prof) by function and by package: node bench/profile-summary.js FILE [TOP].
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const where = (url) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.includes('/dist/')) return `placard ${url.slice(url.indexOf('/dist/') + 6)}`;
  return url ? (url.startsWith('node:') ? 'node core' : url.replace(/^file:\/\//, '')) : '(vm/native)';
};
const sums = (key) => {
  const map = new Map();
  for (const [id, us] of self) {
    const k = key(byId.get(id));
    map.set(k, (map.get(k) ?? 0) + us);
  }
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
};
const show = (title, rows) => {
  console.log(title);
  for (const [k, us] of rows)
    console.log(`  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
show(
  'by package or file (self time)',
  sums((n) => where(n.callFrame.url)),
);
show(
  'by function (self time)',
  sums((n) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`),
);
