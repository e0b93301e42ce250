// placard's speed and memory beside Typst's, measured in one run, in turns. Run: npm run bench
// (about twelve minutes on a 2-core machine), or npm run bench -- --quick (about four minutes).
//
// Every figure is a median over turns; each turn runs placard and Typst one after the other, so a slow
// spell of a shared machine falls on both alike. Compare the ratios, not the absolute times.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLACARD_BIN, VARIANTS, batch, coldRender, pagesPerPacket, version, writeRows } from './placard-runs.js';
import { PAIRS, mixedScriptRows } from './memory-data.js';
import { singleNotice } from './single-notice.js';
import { fmt, median } from './stats.js';
import { preparePeers, typstBatch, typstCold } from './typst-runs.js';

const quick = process.argv.includes('--quick');
const TURNS = quick ? 2 : 3;
const ROWS = quick ? 300 : 1000;
const BIG_ROWS = quick ? 3000 : 10000;
const TYPST_ROWS = 200;
/** A --jobs 2 batch of this many rows has the main thread and its worker render two each: the start-up for two jobs. */
const READY_ROWS = 4;
const PACKET_ROWS = quick ? 20 : 60; // business packets per turn, for ms per page on one core
const PACKET_MEMORY_ROWS = quick ? 100 : 500;
const COLD_RUNS = 3; // cold starts per turn
/**
 * Warm-up: --jobs 1 batches of these sizes, run straight after the ROWS and 1-row ones, give (not --quick) ms per
 * notice over rows 2-300, 301-ROWS and ROWS+1-3000, and, with the 2-row and ROWS / 2 ones, what two jobs could at
 * best give when each warms up alone.
 */
const CURVE_ROWS = quick ? [2, ROWS / 2] : [2, 300, ROWS / 2, 3000];
const variants = Object.keys(VARIANTS);
/** This machine's NODE_EXTRA_CA_CERTS, which every measured process runs without (stats.js benchEnv). */
const CERTS = process.env.NODE_EXTRA_CA_CERTS;
const log = (line) => process.stderr.write(`bench: ${line}\n`);

/**
 * Warm-up, one core, from one turn's --jobs 1 batch times by rows (curve[n]: a batch of n rows): what a notice costs
 * further into a batch, and the best two jobs could do on ROWS rows when each is a V8 isolate that warms up on its
 * own half (no waiting, no messages), measured as "two jobs / one job, after start-up" is: one job's ms a notice over
 * rows 2-ROWS, over the ms a notice two such jobs would take after their READY_ROWS-row start, each one job's rows
 * 3-ROWS/2.
 */
function addCurve(variant, curve) {
  const span = (from, to) => (curve[to] - curve[from]) / (to - from);
  if (curve[3000] !== undefined) {
    add(`${variant} rows 2-300`, span(1, 300));
    add(`${variant} rows 301-${ROWS}`, span(300, ROWS));
    add(`${variant} rows ${ROWS + 1}-3000`, span(ROWS, 3000));
  }
  const half = ROWS / 2;
  add(`${variant} two-job bound`, span(1, ROWS) / ((curve[half] - curve[READY_ROWS / 2]) / (ROWS - READY_ROWS)));
}

const loadBefore = loadavg()[0];
const work = mkdtempSync(join(tmpdir(), 'placard-bench-'));
const peers = preparePeers(log);
const samples = new Map();
const add = (key, value) => samples.set(key, [...(samples.get(key) ?? []), value]);
const med = (key) => (samples.has(key) ? median(samples.get(key)) : NaN);

try {
  for (const variant of variants) {
    writeRows(join(work, `${variant}-${ROWS}.csv`), variant, ROWS);
    writeRows(join(work, `${variant}-1.csv`), variant, 1);
    writeRows(join(work, `${variant}-${READY_ROWS}.csv`), variant, READY_ROWS);
    for (const rows of CURVE_ROWS) writeRows(join(work, `${variant}-${rows}.csv`), variant, rows);
  }
  writeRows(join(work, `packet-${PACKET_ROWS}.csv`), 'en-es', PACKET_ROWS);
  let packetPages = NaN;
  for (let turn = 1; turn <= TURNS; turn++) {
    log(`turn ${turn} of ${TURNS}`);
    for (const variant of variants) {
      for (const jobs of [1, 2]) {
        const full = await batch(join(work, `${variant}-${ROWS}.csv`), variant, jobs, join(work, 'out'));
        const one = await batch(join(work, `${variant}-1.csv`), variant, jobs, join(work, 'out'));
        if (jobs === 1) {
          const curve = { 1: one.ms, [ROWS]: full.ms };
          for (const rows of CURVE_ROWS)
            curve[rows] = (await batch(join(work, `${variant}-${rows}.csv`), variant, 1, join(work, 'out'))).ms;
          addCurve(variant, curve);
        }
        // After start-up: what each further notice costs once the process and its workers are ready. A 1-row batch
        // with --jobs 2 renders in the main thread and stops its worker unused, so it is no start-up for two jobs: a
        // batch in which the main thread and the worker each render (READY_ROWS rows) is.
        const ready =
          jobs === 1
            ? { rows: 1, ms: one.ms }
            : { rows: READY_ROWS, ...(await batch(join(work, `${variant}-${READY_ROWS}.csv`), variant, jobs, join(work, 'out'))) };
        add(`${variant} j${jobs} ms`, full.ms);
        add(`${variant} j${jobs} kb`, full.peakKb);
        const marginal = (full.ms - ready.ms) / (ROWS - ready.rows);
        add(`${variant} j${jobs} marginal`, marginal);
        add(`${variant} j${jobs} startup`, one.ms);
        if (peers && jobs === 1) {
          const typst = await typstBatch(peers, VARIANTS[variant].typst, TYPST_ROWS, join(work, 'typst'));
          add(`${variant} typst`, typst.perNoticeMs);
          add(`${variant} typst setup`, typst.setupMs);
          add(`${variant} typst kb`, typst.peakKb);
          add(`${variant} per core j1 / typst`, marginal / typst.perNoticeMs);
        }
      }
      if (peers && samples.has(`${variant} rows ${ROWS + 1}-3000`))
        add(`${variant} warm / typst`, samples.get(`${variant} rows ${ROWS + 1}-3000`).at(-1) / samples.get(`${variant} typst`).at(-1));
      add(`${variant} speed-up`, samples.get(`${variant} j1 ms`).at(-1) / samples.get(`${variant} j2 ms`).at(-1));
      add(`${variant} marginal speed-up`, samples.get(`${variant} j1 marginal`).at(-1) / samples.get(`${variant} j2 marginal`).at(-1));
      if (peers)
        add(`${variant} per core j2 / typst`, (2 * samples.get(`${variant} j2 marginal`).at(-1)) / samples.get(`${variant} typst`).at(-1));
    }
    // The business packet (seven pieces, en+es) on one core: ms per page, beside Typst's ms per one-page notice.
    {
      const out = join(work, 'packet-out');
      const full = await batch(join(work, `packet-${PACKET_ROWS}.csv`), 'en-es', 1, out, { template: 'business-packet', keep: true });
      packetPages = pagesPerPacket(out);
      const one = await batch(join(work, 'en-es-1.csv'), 'en-es', 1, out, { template: 'business-packet' });
      const perPage = (full.ms - one.ms) / (PACKET_ROWS - 1) / packetPages;
      add('packet page', perPage);
      if (peers) add('packet page / typst', perPage / samples.get('en-es typst').at(-1));
    }
    for (let run = 0; run < COLD_RUNS; run++) {
      add('version', (await version()).ms);
      for (const variant of variants) {
        const placard = (await coldRender(variant, join(work, 'cold'))).ms;
        add(`${variant} cold`, placard);
        if (!peers) continue;
        const typst = (await typstCold(peers, VARIANTS[variant].typst, join(work, 'cold', `typst-${variant}.pdf`))).ms;
        add(`${variant} typst cold`, typst);
        add(`${variant} cold / typst`, placard / typst);
        if (!CERTS) continue;
        // As this machine starts every Node process (benchEnv): for the figures of runs before 2026-12-03.
        const withCerts = (await coldRender(variant, join(work, 'cold'), { machineEnv: true })).ms;
        const typstWith = (
          await typstCold(peers, VARIANTS[variant].typst, join(work, 'cold', `typst-${variant}.pdf`), { machineEnv: true })
        ).ms;
        add(`${variant} cold certs`, withCerts);
        add(`${variant} typst cold certs`, typstWith);
        add(`${variant} cold certs / typst`, withCerts / typstWith);
      }
    }
  }

  // Memory on rows of five script pairs (bench/memory-data.js), each row in its own languages, as the README's figures.
  log(`memory: ${ROWS}- and ${BIG_ROWS}-row batches, mixed scripts, --jobs 2`);
  const memory = {};
  for (const rows of [ROWS, BIG_ROWS]) {
    writeFileSync(join(work, `mixed-${rows}.csv`), mixedScriptRows(rows));
    memory[rows] = await batch(join(work, `mixed-${rows}.csv`), null, 2, join(work, 'out'));
  }
  log(`memory: a ${PACKET_MEMORY_ROWS}-row business packet with --combined, mixed scripts, --jobs 2`);
  writeFileSync(join(work, `mixed-${PACKET_MEMORY_ROWS}.csv`), mixedScriptRows(PACKET_MEMORY_ROWS));
  const packetMemory = await batch(join(work, `mixed-${PACKET_MEMORY_ROWS}.csv`), null, 2, join(work, 'out'), {
    template: 'business-packet',
    combined: 'packet.pdf',
  });
  const big = memory[BIG_ROWS];
  const single = quick ? [] : singleNotice(300, 3);

  const out = [];
  const mb = (kb) => `${fmt(kb / 1024, 0)} MB`;
  out.push(`placard: ${PLACARD_BIN}; ${TURNS} turns${quick ? ' (--quick)' : ''}; every figure a median over the turns`);
  const load = [loadBefore, loadavg()[0]];
  out.push(`load average ${fmt(load[0])} at the start, ${fmt(load[1])} at the end, on ${availableParallelism()} cores`);
  if (CERTS) out.push(`every process measured without this machine's NODE_EXTRA_CA_CERTS (${CERTS}): see bench/stats.js benchEnv`);
  if (Math.max(...load) > availableParallelism() - 1) {
    out.push('  (other work is using the cores: --jobs 2 cannot get a second core to itself, so speed-ups here understate)');
  }
  out.push('');
  out.push(`placard batch, ${ROWS} rows, whole \`placard batch --quiet\` process (private-areas, one PDF per row)`);
  out.push('  variant     jobs   wall s   ms/notice   rows/s   ms/notice after start-up   peak RSS');
  for (const variant of variants) {
    for (const jobs of [1, 2]) {
      const ms = med(`${variant} j${jobs} ms`);
      const cells = [variant.padEnd(10), String(jobs).padStart(4), fmt(ms / 1000, 1).padStart(8), fmt(ms / ROWS).padStart(11)];
      cells.push(fmt((ROWS * 1000) / ms, 0).padStart(8), fmt(med(`${variant} j${jobs} marginal`)).padStart(26));
      out.push(`  ${cells.join(' ')}   ${mb(med(`${variant} j${jobs} kb`)).padStart(8)}`);
    }
  }
  out.push(
    `  (after start-up: (time for all rows - time for a short batch) / (rows - its rows), per process; the short batch is 1 row for --jobs 1, ${READY_ROWS} for --jobs 2, so that the worker has started and rendered too)`,
  );
  if (peers) {
    out.push('');
    out.push(`Typst, ${TYPST_ROWS} notices in one process (its own per_notice_ms, set-up excluded)`);
    for (const variant of variants) {
      const line = `  ${variant.padEnd(10)} ${fmt(med(`${variant} typst`)).padStart(8)} ms/notice   set-up ${fmt(med(`${variant} typst setup`), 0)} ms`;
      out.push(`${line}   peak RSS ${mb(med(`${variant} typst kb`))}`);
    }
  }
  out.push('');
  out.push(`Warm-up, --jobs 1, one core${quick ? '' : ': ms per notice over rows of a batch (differences of whole batches)'}`);
  for (const variant of variants) {
    const spans = ['2-300', `301-${ROWS}`, `${ROWS + 1}-3000`].map((span) => `rows ${span} ${fmt(med(`${variant} rows ${span}`))}`);
    const typst = peers ? `; Typst's mean over ${TYPST_ROWS} ${fmt(med(`${variant} typst`))}` : '';
    if (!quick) out.push(`  ${variant.padEnd(10)} ${spans.join(', ')} ms${typst}`);
    out.push(
      `    two jobs at best, each warming up alone: ${fmt(med(`${variant} two-job bound`))}x (one job's rows 2-${ROWS} / its rows 3-${ROWS / 2}, a notice each)`,
    );
  }
  const rows = [];
  const ratio = (label, key, target, unit = 'x') => rows.push([label, `${fmt(med(key))}${unit}`, target]);
  for (const variant of variants) {
    if (peers) ratio(`placard per notice per core, --jobs 1 / Typst, ${variant}`, `${variant} per core j1 / typst`, '<= 1.0x');
    if (peers) ratio(`placard per notice per core, --jobs 2 / Typst, ${variant}`, `${variant} per core j2 / typst`, '<= 1.0x');
    ratio(`two jobs / one job, whole batch, ${variant}`, `${variant} speed-up`, '>= 1.8x');
    ratio(`two jobs / one job, after start-up, ${variant}`, `${variant} marginal speed-up`, '>= 1.8x');
    ratio(`two jobs at best, each warming up alone, ${variant}`, `${variant} two-job bound`, '');
    if (peers && samples.has(`${variant} warm / typst`))
      ratio(`placard per notice, rows ${ROWS + 1}-3000 / Typst, ${variant}`, `${variant} warm / typst`, '');
    if (peers) ratio(`cold placard render / cold Typst notice, ${variant}`, `${variant} cold / typst`, '<= 1.5x');
  }
  out.push('');
  out.push('Ratios (median of the per-turn ratios)                           measured   target');
  for (const [label, value, target] of rows) out.push(`  ${label.padEnd(62)} ${value.padStart(8)}   ${target}`);
  for (const variant of variants) {
    const typst = peers ? `, Typst ${fmt(med(`${variant} typst cold`), 0)} ms` : '';
    out.push(`  cold single notice, whole process, ${variant}: placard ${fmt(med(`${variant} cold`), 0)} ms${typst}`);
    if (CERTS && peers) {
      const both = `placard ${fmt(med(`${variant} cold certs`), 0)} ms, Typst ${fmt(med(`${variant} typst cold certs`), 0)} ms`;
      out.push(`    with this machine's NODE_EXTRA_CA_CERTS: ${both}, ${fmt(med(`${variant} cold certs / typst`))}x`);
    }
  }
  out.push(`  placard --version, whole process: ${fmt(med('version'), 0)} ms (target <= 80 ms)`);
  for (const variant of variants) {
    const startup = med(`${variant} j1 startup`);
    const target = med(`${variant} cold`) + 150;
    out.push(
      `  batch start-up (a 1-row batch, one core), ${variant}: ${fmt(startup, 0)} ms (target <= cold render + 150 = ${fmt(target, 0)} ms)`,
    );
  }
  out.push(`  business packet (en+es, ${fmt(packetPages, 0)} pages), one core: ${fmt(med('packet page'))} ms per page`);
  const small = memory[ROWS].peakKb;
  out.push('');
  out.push(
    `Memory, mixed scripts (${PAIRS.map((pair) => pair.join('+')).join(', ')}), --jobs 2: ${BIG_ROWS} rows peak ${mb(big.peakKb)} in ${fmt(big.ms / 1000, 1)} s; ${ROWS} rows peak ${mb(small)}`,
  );
  out.push(`  ratio ${fmt(big.peakKb / small)}x (target <= 1.2x): ${big.peakKb <= 1.2 * small ? 'flat' : 'GROWS'}`);
  out.push(
    `Memory, a ${PACKET_MEMORY_ROWS}-row business packet, mixed scripts, --combined, --jobs 2: peak ${mb(packetMemory.peakKb)} in ${fmt(packetMemory.ms / 1000, 1)} s`,
  );
  if (single.length > 0) out.push('', ...single);
  out.push('', ...readmeTable({ med, peers, variants, memory, packetMemory, mb }));
  console.log(out.join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The README's performance table (Markdown), from this run's figures. */
function readmeTable({ med, peers, variants, memory, packetMemory, mb }) {
  const typst = (key) => (peers ? `${fmt(med(key))} ms` : 'n/a');
  const ratio = (key) => (peers ? `${fmt(med(key))}x` : 'n/a');
  const lines = [
    `README table (${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, load average ${fmt(loadBefore)} to ${fmt(loadavg()[0])}${quick ? ', --quick' : ''}):`,
    '',
    '| measure | placard | Typst | placard / Typst | goal |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const variant of variants) {
    const label = VARIANTS[variant].lang.replace(',', '+');
    lines.push(
      `| ms per notice, ${label}, one core | ${fmt(med(`${variant} j1 marginal`))} ms | ${typst(`${variant} typst`)} | ${ratio(`${variant} per core j1 / typst`)} | <= 0.8x |`,
    );
    if (samples.has(`${variant} rows ${ROWS + 1}-3000`))
      lines.push(
        `| ms per notice, ${label}, one core, rows ${ROWS + 1}-3000 (after warm-up) | ${fmt(med(`${variant} rows ${ROWS + 1}-3000`))} ms | ${typst(`${variant} typst`)} | ${ratio(`${variant} warm / typst`)} | |`,
      );
  }
  lines.push(
    `| ms per page, business packet en+es, one core | ${fmt(med('packet page'))} ms | ${typst('en-es typst')} (a one-page notice) | ${ratio('packet page / typst')} | |`,
  );
  for (const variant of variants) {
    const label = VARIANTS[variant].lang.replace(',', '+');
    lines.push(
      `| cold render, ${label}, one core | ${fmt(med(`${variant} cold`), 0)} ms | ${peers ? `${fmt(med(`${variant} typst cold`), 0)} ms` : 'n/a'} | ${ratio(`${variant} cold / typst`)} | <= 1.5x |`,
    );
    if (CERTS && peers) {
      lines.push(
        `| cold render, ${label}, one core, with NODE_EXTRA_CA_CERTS | ${fmt(med(`${variant} cold certs`), 0)} ms | ${fmt(med(`${variant} typst cold certs`), 0)} ms | ${ratio(`${variant} cold certs / typst`)} | |`,
      );
    }
  }
  for (const variant of variants) {
    const label = VARIANTS[variant].lang.replace(',', '+');
    lines.push(`| batch start-up (1 row), ${label}, one core | ${fmt(med(`${variant} j1 startup`), 0)} ms | | | <= cold render + 150 ms |`);
    lines.push(`| 2 cores / 1 core, ${label}, after start-up | ${fmt(med(`${variant} marginal speed-up`))}x | | | >= 1.8x |`);
    lines.push(
      `| 2 cores / 1 core at best, ${label}, each job warming up alone (one core: rows 2-${ROWS} / rows 3-${ROWS / 2}) | ${fmt(med(`${variant} two-job bound`))}x | | | |`,
    );
  }
  const [small, big] = Object.keys(memory)
    .map(Number)
    .sort((a, b) => a - b);
  lines.push(`| peak RSS, ${small} mixed-script rows, --jobs 2 | ${mb(memory[small].peakKb)} | | | |`);
  lines.push(`| peak RSS, ${big} mixed-script rows, --jobs 2 | ${mb(memory[big].peakKb)} | | | <= 1.2x the ${small}-row figure |`);
  lines.push(`| peak RSS, ${PACKET_MEMORY_ROWS}-row business packet, --combined, --jobs 2 | ${mb(packetMemory.peakKb)} | | | |`);
  return lines;
}
