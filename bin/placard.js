#!/usr/bin/env node
import { readFileSync, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const args = process.argv.slice(2);
// The version needs no module of placard's: answer it before loading any (start-up is measured).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // V8's optimising compilers run on background threads, but on one core their CPU is the run's. Measured pinned to
  // one core, CPU, code cached (2026-12-02; commit messages have the runs):
  // - `render` makes one notice (a packet's pages at most): no TurboFan for JavaScript, and HarfBuzz's WebAssembly
  //   tiered up only after 100 times the usual budget. A cold render en,es 500 → 300 ms; a 30-page packet in six
  //   languages 2,230 → 1,160 ms. Its WebAssembly is also validated a function at a time, as each is first compiled
  //   (V8 compiles them lazily already), not all 444 KB at start: compiling the module 3.2 → 1.7 ms (2026-12-03).
  //   Regular expressions compile straight to machine code, without first making bytecode to interpret once: the
  //   Unicode classes of src/text/kept-ranges.ts took 3-15 ms to tier up. Young space grows 16-fold, not 2-fold, at
  //   each scavenge that finds it too small: 1 MB grew through 8 scavenges and a full collection; now 4 scavenges
  //   and none. Cold render ar,zh-Hans 1.49 → 1.32 G instructions, CPU median of 11 190 → 170 ms; en,es 1.19 →
  //   1.15 G, 160 → 150 ms; peak RSS ar,zh-Hans 86 → 99 MB (2026-12-03). A batch gained nothing measurable from
  //   either (1-row and 201-row CPU medians alike), so keeps V8's defaults.
  // - Other commands (batch, serve) keep TurboFan but compile less while warming up: less inlining into each
  //   optimised function, a function optimised after more work in the interpreter (interrupt budget 200,000), and
  //   HarfBuzz tiered up after 30 times the usual budget. TurboFan's compiles had been a third of a batch's CPU over
  //   its first 200 rows; the code is as fast once warm. Batch en,es per notice over rows 2-201 11.5 → 9.6 ms, over
  //   2-501 8.8 → 7.8 ms; a 1-row batch en,es 400 → 310 ms. Budget 300,000 → 600,000, with batch's growth at 90%
  //   (below), per notice over rows 2-201, pinned CPU medians of 10 and 5: en,es 3.08 → 2.45 ms, ar,zh-Hans 5.7 →
  //   4.75 ms (growth at 100%: 2.43 and 4.8; budget 1,000,000 no better than 600,000, 2,000,000 worse); over rows
  //   2-501 3.78 → 3.54 ms (600,000 alone); instructions (cachegrind, V8 single-threaded with a fixed GC schedule)
  //   en,es 22.6 → 21.8 M, ar,zh-Hans 40.2 → 39.6 M; a 1-row batch the same. Budget 600,000 → 200,000 (2026-12-03),
  //   for the rows after the first few hundred: at 600,000, about a hundred functions a notice calls a few times each
  //   (validateBusiness, layoutUncached, fromShape, breakOpportunities…) were still not optimised after 1,000 rows
  //   (--trace-opt: 159 functions compiled, 257 at 200,000). Instructions of real batches (cachegrind, V8
  //   single-threaded): 1,000 rows en,es 15.99 → 15.05 G (-6%; rows 300-1000 13.2 → 11.2 M a notice), ar,zh-Hans
  //   26.15 → 25.27 G (-3.4%); 300 rows en,es 7.15 → 7.36 G (+3%), ar,zh-Hans 10.66 → 10.41 G (-2.4%); 1 row the same.
  //   300,000 and 400,000 lay between; 150,000, and 600,000 switched to 200,000 after 100 rows, were worse.
  //   TurboFan does not peel loops (2026-12-03): its compiles took ~700 ms of a 1,000-row batch en,es (--trace-opt),
  //   and each further job's thread compiles them again. Instructions, as above, side by side: 1,000 rows en,es 12.97
  //   → 12.73 G (-1.9%), rows 300-1000 9.13 → 9.00 M each; 300 rows en,es 6.58 → 6.43 G (-2.3%), ar,zh-Hans 9.60
  //   → 9.37 G (-2.5%). No escape analysis, no inlining, no load elimination, no loop rotation, the mid-tier register
  //   allocator and no control-flow optimisation, each alone or beside it, gained nothing more.
  // - batch: a full collection each time the heap grows 90%. Its main thread renders rows too and has no heap cap:
  //   left alone, V8 let its heap reach four times its live size. --jobs 2 on mixed scripts, peak RSS without the
  //   flag / at 150% / at 30%: 300 rows 396 / 401 / 367 MB, 3,000 rows 502 / 453 / 404 MB (3,000 over 300: 1.27 /
  //   1.13 / 1.10). A smaller percentage costs CPU: at 30% a batch en,es collected in full about every 60 rows.
  //   Instructions per notice over rows 2-401 (cachegrind): 22.6 M at 30%, 21.5 M at 100%, 20.6 M at 150%, 20.0 M
  //   without. At 200% the 3,000-row peak was 474 MB: the flag also sets the workers' growth, which their small heap
  //   cap otherwise keeps low. Once fonts were read without a second copy (src/fonts/font-bytes.ts) the 300-row peak
  //   fell more than the 3,000-row one: at 150%, 341 / 410 MB (1.20, the bench's limit); at 100%, 325 / 384 MB (1.18).
  //   The interrupt budget at 600,000 lowered the 300-row peak (less compiled while warming up), not the 3,000-row
  //   one: at 100%, medians of 5, 321 / 390 MB (1.21; 326 / 388 MB, 1.19, at 300,000); at 90%, of 5, 327 / 383 MB
  //   (1.17).
  // Set before the bundle is compiled, so its code cache is made and checked under the same flags; worker threads
  // share them.
  const command = args.find((arg) => !arg.startsWith('-'));
  if (command === 'render')
    setFlagsFromString('--no-opt --wasm-tiering-budget=180000000 --wasm-lazy-validation --no-regexp-tier-up --semi-space-growth-factor=16');
  else
    setFlagsFromString(
      '--max-inlined-bytecode-size-cumulative=150 --interrupt-budget=200000 --no-turbo-loop-peeling --wasm-tiering-budget=54000000',
    );
  if (command === 'batch') setFlagsFromString('--heap-growing-percent=90');
  const { loadBundle } = await import('./load-bundle.js');
  const { main, exitOnSignals, writeFailure, saveCodeCache, kept } = await loadBundle(args, process.env);
  // Ctrl-C is exit 130 and SIGTERM 143, after whatever the running command must finish (src/cli/signals.ts).
  exitOnSignals(process);
  // Write errors never throw a stack trace. A closed pipe (placard … | head) is not an error for a listing;
  // render waits for its PDF to be written and says when it was not. Any other failure (a full disk) is exit 2.
  let stdoutError;
  process.stdout.on('error', (error) => {
    stdoutError ??= error;
  });
  // A full or closed stderr loses messages, never the run: warnings must not stop a notice being written.
  process.stderr.on('error', () => {});
  process.on('exit', () => {
    if (!stdoutError || stdoutError.code === 'EPIPE' || process.exitCode) return;
    try {
      writeSync(2, `error: could not write to stdout: ${writeFailure(stdoutError)}\n`);
    } catch {
      // stderr is gone too.
    }
    process.exitCode = 2;
  });
  process.exitCode = await main(args, {
    // Read only when asked for (placard init, render --data -), so other commands never open stdin.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    kept,
  });
  if (process.exitCode === 0) saveCodeCache();
}
