#!/usr/bin/env node
import { readFileSync, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const args = process.argv.slice(2);
// The version needs no module of placard's: answer it before loading any (start-up is measured).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // `render` makes one notice (a packet's pages at most): V8's optimising compilers (TurboFan for JavaScript, and
  // for HarfBuzz's WebAssembly once a function has run a while; on background threads, but CPU all the same) cost
  // more than they win back in so short a run. So render runs without TurboFan for JavaScript, and tiers
  // WebAssembly up only after 100 times the usual budget: a cold render en,es 500 → 300 ms CPU (code cached), a
  // 30-page packet in six languages 2,230 → 1,160 ms (2026-12-02). Set before the bundle is compiled, so its code
  // cache is made and checked under the same flags. batch and serve keep V8's defaults.
  if (args.find((arg) => !arg.startsWith('-')) === 'render') setFlagsFromString('--no-opt --wasm-tiering-budget=180000000');
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
