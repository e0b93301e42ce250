import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool, pdftotext } from '../helpers/system-tools.js';
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

  // "Legal Title" (read as "legal title") is no field's name or synonym; the page lets the user say it is the name and leave "name" unused.
  const RENAMED = 'Legal Title,name,private_areas,languages,phone\nCorner Shop LLC,Old Sign Name,Kitchen,en,612-555-0199\n';
  const upload = async (): Promise<string> => {
    const response = await post(server, '/api/batch?name=renamed.csv&notice=private-areas', RENAMED, { 'Content-Type': 'text/csv' });
    const body = (await response.json()) as { id: string; columns: unknown[]; fields: { name: string; required: boolean }[] };
    expect(body.columns).toContainEqual({ column: 'legal title', field: null });
    expect(body.fields).toContainEqual({ name: 'name', required: true });
    return body.id;
  };
  const fixed = [
    { column: 'legal title', field: 'name' },
    { column: 'name', field: null },
    { column: 'private_areas', field: 'private_areas' },
    { column: 'languages', field: 'languages' },
    { column: 'phone', field: 'phone' },
  ];

  it('reads a column the user matched by hand, and leaves out the one they set aside', async () => {
    const id = await upload();
    expect((await post(server, `/api/batch/${id}/start`, { notice: 'private-areas', columns: fixed })).status).toBe(202);
    expect(await finished(server.url, id)).toMatchObject({ state: 'done', made: 1, failed: 0 });
    const entries = await unzip(Buffer.from(await (await fetch(new URL(`/api/batch/${id}/zip`, server.url))).arrayBuffer()));
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { entries: { name: string }[] };
    expect(manifest.entries.map((entry) => entry.name)).toEqual(['Corner Shop LLC']);
    if (hasTool('pdftotext')) {
      const text = pdftotext(new Uint8Array(entries.get('combined.pdf')!));
      expect(text).toContain('Corner Shop LLC');
      expect(text).not.toContain('Old Sign Name');
    }
  });

  it('refuses a match naming a field or a column that is not there, or leaving a required field out', async () => {
    const id = await upload();
    const start = async (columns: unknown): Promise<{ status: number; error: string }> => {
      const response = await post(server, `/api/batch/${id}/start`, { notice: 'private-areas', columns });
      return { status: response.status, error: ((await response.json()) as { error?: string }).error ?? '' };
    };
    const swap = (column: string, field: string | null): unknown[] =>
      fixed.map((entry) => (entry.column === column ? { column, field } : entry));
    expect(await start(swap('legal title', '../../etc/passwd'))).toMatchObject({
      status: 400,
      error: expect.stringContaining('not a field'),
    });
    expect(await start([...fixed.slice(1), { column: 'Not There', field: 'name' }])).toMatchObject({
      status: 400,
      error: expect.stringContaining('no column "Not There"'),
    });
    expect(await start(swap('legal title', null))).toMatchObject({ status: 400, error: expect.stringContaining('required field name') });
    expect(await start(swap('private_areas', 'name'))).toMatchObject({ status: 400, error: expect.stringContaining('both read as name') });
    // "not used" must be true: a column the batch would still read by its own name is said, not silently read.
    expect(await start(swap('phone', null))).toMatchObject({ status: 400, error: expect.stringContaining('"phone" is read as phone') });
    expect(await start('name=Legal Title')).toMatchObject({ status: 400 });
    // Refusals leave the upload ready for a corrected match.
    expect((await start(fixed)).status).toBe(202);
    expect(await finished(server.url, id)).toMatchObject({ state: 'done', made: 1 });
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
