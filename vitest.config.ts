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
    // Each worker process runs its test files one after another with the modules already loaded, instead of
    // loading PDFKit, fontkit, HarfBuzz, pdf.js… again for each of the ~130 files (a fifth of the run). The tests keep
    // no state between files: each writes in its own temporary folder, restores what it changes (cwd, env, spies),
    // and the suite passes this way (2026-12-02). A test that needs a fresh process starts the bin.
    isolate: false,
    sequence: { sequencer: SlowFirstSequencer },
    // expect.poll waits for a page or a server to get somewhere: its default of 1 s failed the browser test when
    // the machine was busy. A poll ends as soon as its condition holds, so a longer bound costs nothing when it does.
    expect: { poll: { timeout: 30_000 } },
  },
});
