#!/usr/bin/env node
import { readFileSync, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const args = process.argv.slice(2);
// The version needs no module of placard's: answer it before loading any (start-up is measured).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // V8's optimising compilers run on background threads, but their CPU counts all the same (measured pinned to one
  // core, 2026-12-02). `render` makes one notice (a packet's pages at most): TurboFan for JavaScript, and for
  // HarfBuzz's WebAssembly once a function has run a while, costs more than it wins back in so short a run. So
  // render runs without TurboFan for JavaScript and tiers WebAssembly up only after 100 times the usual budget: a
  // cold render en,es 500 → 300 ms CPU (code cached), a 30-page packet in six languages 2,230 → 1,160 ms.
  // Other commands (batch, serve) keep TurboFan but compile less while warming up: less inlining into each
  // optimized function (TurboFan compiled placard's largest functions with whatever they call inlined, and those
  // compiles were a third of a batch's CPU over its first 200 rows), and a larger interrupt budget, so a function
  // is optimized after more work in the interpreter and fewer lukewarm ones are. The code is as fast once warm
  // (stages.mjs, 400 rows after 300) and warms up for less: batch en,es per notice over rows 2-201 11.5 → 9.6 ms
  // (median of 5), over 2-501 8.8 → 7.8 ms (of 3). They also tier HarfBuzz's WebAssembly up only after 30 times
  // the usual budget: its TurboFan compiles were most of what a 1-row batch spent beyond a render, and only its
  // hottest functions are worth them. CPU pinned, code cached, interleaved (2026-12-02, a busy machine): 1 row
  // en,es 400 → 340 ms (median of 7), ar,zh-Hans 560 → 540; 201 rows en,es 1,950 → 1,910 (of 5), ar,zh-Hans
  // 2,920 → 2,910 (of 3), so as much per notice; 601 rows the same within noise. An interrupt budget of 300,000
  // rather than 150,000 then leaves the first rows' lukewarm functions to the interpreter too: 1 row ar,zh-Hans
  // 670 → 630 ms, en,es 330 → 310 (median of 5); 201 rows en,es 1,620 → 1,460, ar,zh-Hans 2,710 → 2,670 (of 3);
  // 601 rows en,es 3,970 → 4,030, ar,zh-Hans 6,570 → 6,600 (of 3, within noise). Set before the bundle is
  // compiled, so its code cache is made and checked under the same flags; worker threads share them.
  if (args.find((arg) => !arg.startsWith('-')) === 'render') setFlagsFromString('--no-opt --wasm-tiering-budget=180000000');
  else setFlagsFromString('--max-inlined-bytecode-size-cumulative=150 --interrupt-budget=300000 --wasm-tiering-budget=54000000');
  const { loadBundle } = await import('./load-bundle.js');
  const { main, exitOnSignals, writeFailure, saveCodeCache } = await loadBundle(args, process.env);
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
  });
  if (process.exitCode === 0) saveCodeCache();
}
