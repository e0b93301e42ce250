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
    // Each worker runs its test files one after another with the modules already loaded, instead of loading
    // PDFKit, fontkit, HarfBuzz, pdf.js… again for each of the ~145 files (import time summed over files, under
    // load: 290 s isolated, 21 s shared). A full run once failed test/text/font-choice and the Arabic pdf.js row of
    // the reader matrix after other files; since loadFont gives each face its own font (the font-file registry
    // had handed a file's first face to every later one), every file passes in one process with those two run
    // last (2026-12-02). The tests keep no other state between files: each writes in its own temporary folder and
    // restores what it changes (cwd, env, spies). A test that needs a fresh process starts the bin.
    isolate: false,
    sequence: { sequencer: SlowFirstSequencer },
    // expect.poll waits for a page or a server to get somewhere: its default of 1 s failed the browser test when
    // the machine was busy. A poll ends as soon as its condition holds, so a longer bound costs nothing when it does.
    expect: { poll: { timeout: 30_000 } },
  },
});
