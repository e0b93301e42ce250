import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/session/prepare.js';
import type { SessionOptions } from '../../src/contract/public-api.js';

/**
 * Review of 00ca070: "any hint changes only the attempts, never the pages".
 * Wrapping columns (columns.ts columnsPerRow reads max(1, scale)) stack at
 * large scales, so a page's height does not grow monotonically with the
 * scale above 1, and fitOnGrid's answer depends on where it starts.
 */
describe('fit hints and wrapping columns', () => {
  it('home, en+es, legal, columns: hint step 1 gives the pages hint-free layout gives', () => {
    const options: SessionOptions = { template: 'home', languages: ['en', 'es'], size: 'legal', arrange: 'columns' };
    const row = { name: 'Ana' };
    const first = prepare(options);
    const pages = JSON.stringify(first.layout(row).pages);
    const kinds = first.fitHints().map(([kind]) => kind);
    const hinted = prepare({ ...options, fitHints: kinds.map((kind) => [kind, 1] as const) });
    expect(JSON.stringify(hinted.layout(row).pages)).toBe(pages);
  });
});
