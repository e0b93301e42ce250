import { describe, expect, it } from 'vitest';
import { BatchProgress } from '../../src/cli/batch-progress.js';
import { Reporter, type CliIO } from '../../src/cli/io.js';

/** A terminal that keeps what was written, as cli-progress writes it (it moves the cursor with escapes). */
function terminal() {
  let text = '';
  const stderr = {
    isTTY: true,
    columns: 120,
    write: (chunk: string) => ((text += chunk), true),
    on: () => stderr,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  };
  const io = { stdout: { write: () => true }, stderr, env: {} } as unknown as CliIO;
  return { io, text: () => text };
}

describe('BatchProgress on a terminal', () => {
  it('prints each failure as it happens, above the bar, and the bar counts failures', () => {
    const term = terminal();
    const progress = new BatchProgress(term.io, new Reporter(term.io), false);
    progress.onEvent({ type: 'start', total: 3, notes: [] });
    progress.onEvent({ type: 'row', row: 2, status: 'made' });
    progress.onEvent({ type: 'row', row: 3, status: 'failed', problems: [{ row: 3, id: 'B', field: 'name', reason: 'is required' }] });
    const before = term.text();
    expect(before).toContain('error: row 3 (B): field "name": is required');
    // The failure comes after a cleared line and before the bar is drawn again, with its count.
    const at = before.indexOf('error: row 3');
    expect(before.lastIndexOf('\r\u001b[2K', at)).toBeGreaterThan(-1);
    expect(before.slice(at)).toMatch(/2\/3 rows · 1 failed/);
    progress.end();
    expect(term.text().split('error: row 3').length).toBe(2);
  });
});
