import { describe, expect, it } from 'vitest';
import { placard } from './run-placard.js';

// bin/placard.js sets V8 flags per command (setFlagsFromString). A flag this Node's V8 does not know is not an
// error there: V8 prints "Error: unrecognized flag" on stderr and goes on, so every run of that command would
// print it. `--help` sets the same flags as a run of its command, and loads little else.
describe('bin/placard.js: the V8 flags it sets are ones this Node knows', () => {
  for (const command of ['render', 'batch', 'serve']) {
    it(`${command}`, () => {
      const run = placard([command, '--help'], { env: { PLACARD_NO_CACHE: '1' } });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/unrecognized flag/i);
    });
  }
});
