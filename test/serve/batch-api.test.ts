import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished, post, testServer, unzip } from './serve-helpers.js';

const WORKBOOK = resolve('test/fixtures/serve/shops.xlsx');

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server.close();
});

describe('placard serve: a spreadsheet', () => {
  it('reads the columns, runs the batch, and gives a ZIP with every good row and the errors', async () => {
    const upload = await post(server, '/api/batch?name=shops.xlsx&notice=private-areas', new Uint8Array(readFileSync(WORKBOOK)), {
      'Content-Type': 'application/octet-stream',
    });
    expect(upload.status).toBe(200);
    const { id, columns } = (await upload.json()) as { id: string; columns: { column: string; field: string | null }[] };
    expect(columns).toContainEqual({ column: 'name', field: 'name' });
    expect(columns).toContainEqual({ column: 'notes', field: null });

    const start = await post(server, `/api/batch/${id}/start`, { notice: 'private-areas', size: 'letter' });
    expect(start.status).toBe(202);
    const status = await finished(server.url, id);
    expect(status).toMatchObject({ state: 'done', total: 5, made: 3, failed: 2 });
    expect((await post(server, `/api/batch/${id}/start`, { notice: 'private-areas' })).status).toBe(409);
    expect(status.problems.map((problem) => [problem.row, problem.field])).toEqual([
      [4, 'name'],
      [5, 'languages'],
    ]);

    const zip = await fetch(new URL(`/api/batch/${id}/zip`, server.url));
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const entries = await unzip(Buffer.from(await zip.arrayBuffer()));
    const names = [...entries.keys()].sort();
    expect(names).toEqual(expect.arrayContaining(['combined.pdf', 'errors.csv', 'manifest.json']));
    expect(names.filter((name) => name.endsWith('.pdf') && name !== 'combined.pdf')).toHaveLength(3);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { entries: unknown[] };
    expect(manifest.entries).toHaveLength(3);
    expect(entries.get('errors.csv')!.toString('utf8')).toContain('languages');
    for (const [name, bytes] of entries) if (name.endsWith('.pdf')) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a file that is not a spreadsheet it reads, and a start twice', async () => {
    const wrong = await post(server, '/api/batch?name=shops.pdf&notice=private-areas', 'x', { 'Content-Type': 'application/octet-stream' });
    expect(wrong.status).toBe(400);
    const broken = await post(server, '/api/batch?name=shops.xlsx&notice=private-areas', 'not a zip', {
      'Content-Type': 'application/octet-stream',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: string }).error).not.toContain(server.batches.root);
  });

  it('removes its temporary folder when it stops', async () => {
    const other = await testServer();
    await post(other, '/api/batch?name=a.csv&notice=private-areas', 'name\nShop\n', { 'Content-Type': 'text/csv' });
    const root = other.batches.root;
    expect(existsSync(root)).toBe(true);
    await other.close();
    expect(existsSync(root)).toBe(false);
  });
});
