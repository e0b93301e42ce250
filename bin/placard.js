#!/usr/bin/env node
import { readFileSync, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const args = process.argv.slice(2);
// The version needs no module of placard's: answer it before loading any (start-up is measured).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // V8 compiles less while warming up. Less inlining into each optimized function: TurboFan compiled placard's
  // largest functions (validation, bidi, shaping, layout) with whatever they call inlined, and those compiles, on
  // V8's background threads, were a third of a batch's CPU over its first 200 rows. A larger interrupt budget: a
  // function is optimized after more work in the interpreter, so fewer lukewarm ones are. The code is as fast once
  // warm (stages.mjs, 400 rows after 300) and warms up for less (pinned CPU, 2026-12-02, before → inlining → both):
  // batch en,es per notice over rows 2-201 11.5 → 9.6 ms (median of 5), over 2-501 8.8 → 8.4 → 7.8 ms (of 3); a
  // cold render 660 → 610 → 550 ms (of 7). Set before any of placard's modules load; worker threads share them.
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
  setFlagsFromString('--interrupt-budget=150000');
  const [{ main }, { exitOnSignals }, { writeFailure }] = await Promise.all([
    import('../dist/bundle/main.js'),
    import('../dist/bundle/signals.js'),
    import('../dist/bundle/output-streams.js'),
  ]);
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
}
