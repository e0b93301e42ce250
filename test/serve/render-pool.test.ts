import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionOptions } from '../../src/cli/session-flags.js';
import { RenderPool } from '../../src/serve/render-pool.js';

const log: string[] = [];
const pool = new RenderPool(1, (line) => log.push(line));
afterAll(async () => {
  await pool.close();
});

const session = sessionOptions('private-areas', { templates: [], font: [], locales: [] }, {});
const shop = { name: 'Corner Shop', languages: 'en,es' };

describe('placard serve: the render threads', () => {
  it('renders on a worker thread: the PDF, its pages and warnings; problems and refusals as data', async () => {
    const made = await pool.run({ session, record: shop });
    expect(made.kind).toBe('notice');
    if (made.kind !== 'notice') return;
    expect(Buffer.from(made.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(made.languages).toEqual(['en', 'es']);
    expect(made.warnings.some((warning) => warning.message.includes('draft'))).toBe(true);
    const problems = await pool.run({ session, record: { languages: 'en' } });
    expect(problems.kind).toBe('problems');
    const refused = await pool.run({ session: { ...session, template: 'no-such-notice' }, record: shop });
    expect(refused.kind).toBe('refused');
  });

  it('replaces a worker that dies, failing only the request it was serving', async () => {
    const slots = (pool as unknown as { slots: { worker: Worker }[] }).slots;
    const running = pool.run({ session, record: shop });
    await slots[0]!.worker.terminate();
    await expect(running).rejects.toThrow(/exited/);
    expect(log.join('\n')).toContain('a render worker stopped');
    expect((await pool.run({ session, record: shop })).kind).toBe('notice');
  });
});
