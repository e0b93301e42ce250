#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// A closed pipe (placard … | head) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2), {
  // Read only when asked for (placard init), so other commands never open stdin.
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
