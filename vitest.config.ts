import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/slow-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default leaves one core to its main process (cores − 1): on a 2-core machine that is one test file
    // at a time. The main process does little here (no watch, no coverage), so every core runs a test file.
    maxWorkers: availableParallelism(),
    // Each test file gets fresh modules (vitest's default). Sharing them between files (isolate: false) cut the
    // import time by about 70 s, but two full runs on 2026-12-02 then differed: one passed, the next failed
    // test/text/font-choice and the Arabic pdf.js row of the reader matrix, both of which pass alone. Some state
    // outside the session leaks between files; until it is found, each file starts clean.
    sequence: { sequencer: SlowFirstSequencer },
    // expect.poll waits for a page or a server to get somewhere: its default of 1 s failed the browser test when
    // the machine was busy. A poll ends as soon as its condition holds, so a longer bound costs nothing when it does.
    expect: { poll: { timeout: 30_000 } },
  },
});
