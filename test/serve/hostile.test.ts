import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished, post, SHOP, testServer } from './serve-helpers.js';

let server: Awaited<ReturnType<typeof testServer>>;
// The server makes its temporary folder in a TMPDIR of this file's own, so the test can see everything it writes there.
const savedTmpdir = process.env.TMPDIR;
const privateTmp = mkdtempSync(join(tmpdir(), 'placard-hostile-'));
beforeAll(async () => {
  process.env.TMPDIR = privateTmp;
  server = await testServer({ batch: { uploadBytes: 1024 * 1024 } });
});
afterAll(async () => {
  await server.close();
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(privateTmp, { recursive: true, force: true });
});

/** Every file and folder under `dir`, as paths relative to it. */
function everything(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => join(dir, name));
}

async function expectRefused(response: Response, status: number): Promise<string> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: string };
  expect(body.error).toMatch(/\w/);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  return body.error;
}

describe('placard serve: hostile requests', () => {
  it('refuses a cross-origin POST, and a POST that names no origin', async () => {
    await expectRefused(await post(server, '/api/render', SHOP, { Origin: 'https://evil.example' }), 403);
    await expectRefused(await post(server, '/api/render', SHOP, { 'Sec-Fetch-Site': 'cross-site' }), 403);
    const bare = await fetch(new URL('/api/render', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(SHOP),
    });
    await expectRefused(bare, 403);
  });

  it('refuses a huge form and a huge upload without reading them', async () => {
    await expectRefused(await post(server, '/api/render', 'x'.repeat(300 * 1024)), 413);
    const upload = await post(server, '/api/batch?name=big.csv&notice=private-areas', new Uint8Array(2 * 1024 * 1024), {
      'Content-Type': 'application/octet-stream',
    });
    await expectRefused(upload, 413);
    expect(readdirSync(server.batches.root)).toEqual([]);
  });

  it('takes no path from a request', async () => {
    for (const notice of ['../../etc/passwd', '/etc/passwd', 'private-areas/../../x']) {
      await expectRefused(await post(server, '/api/render', { ...SHOP, notice }), 400);
    }
    await expectRefused(await post(server, '/api/render', { ...SHOP, fields: { ...SHOP.fields, data: '/etc/passwd' } }), 400);
    await expectRefused(await post(server, '/api/batch?name=../../../tmp/x.csv&notice=../x', 'a,b\n'), 400);
    await expectRefused(await post(server, '/api/batch?name=/etc/passwd&notice=private-areas', 'a,b\n'), 400);
    // A path typed into a field is only text on the notice.
    const rendered = (await (await post(server, '/api/render', { ...SHOP, fields: { ...SHOP.fields, street: '/etc/passwd' } })).json()) as {
      ok: boolean;
    };
    expect(rendered.ok).toBe(true);
    expect((await fetch(new URL('/static/../package.json', server.url))).status).toBe(404);
    expect((await fetch(new URL('/static/%2e%2e%2fpackage.json', server.url))).status).toBe(404);
    expect((await fetch(new URL('/api/batch/..%2f..%2fetc', server.url))).status).toBe(404);
  });

  it('refuses values past the CLI limits and bodies that are not a form', async () => {
    await expectRefused(await post(server, '/api/render', { ...SHOP, fields: { name: 'x'.repeat(5000) } }), 400);
    await expectRefused(await post(server, '/api/render', { ...SHOP, fields: { name: ['a'] } }), 400);
    await expectRefused(await post(server, '/api/render', '{"notice":'), 400);
    await expectRefused(await post(server, '/api/render', '[]'), 400);
    await expectRefused(await post(server, '/api/render', SHOP, { 'Content-Type': 'text/plain' }), 415);
    await expectRefused(await post(server, '/api/render', { ...SHOP, size: 'poster' }), 400);
    await expectRefused(await fetch(new URL('/api/render', server.url), { method: 'DELETE' }), 405);
  });

  it('writes only inside its own temporary folder, whatever a request names', async () => {
    expect(server.batches.root.startsWith(privateTmp)).toBe(true);
    // An upload named like a path is saved as upload.csv in its batch's folder; the name only says it is a CSV.
    const upload = async (): Promise<string> => {
      const response = await post(
        server,
        '/api/batch?name=../../../../tmp/evil.csv&notice=private-areas',
        'name,street\nCorner Shop,/etc/passwd\n',
        {
          'Content-Type': 'text/csv',
        },
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { id: string }).id;
    };
    const refused = await upload();
    expect((await post(server, `/api/batch/${refused}/start`, { notice: 'private-areas', lang: '../../etc' })).status).toBe(202);
    const failed = (await finished(server.url, refused)) as { state: string; message?: string };
    expect(failed.state).toBe('failed');
    expect(failed.message).toMatch(/unknown language/);
    const id = await upload();
    expect((await post(server, `/api/batch/${id}/start`, { notice: 'private-areas' })).status).toBe(202);
    expect((await finished(server.url, id)).state).toBe('done');
    await expectRefused(await post(server, `/api/batch/${id}/start`, { notice: 'private-areas' }), 409);
    const written = everything(privateTmp);
    expect(written.filter((path) => !path.startsWith(server.batches.root))).toEqual([]);
    expect(written.some((path) => path.endsWith('.pdf'))).toBe(true);
    expect(written.filter((path) => /evil|passwd/.test(relative(server.batches.root, path)))).toEqual([]);
  });

  it('never sends a stack trace, even for a bug', async () => {
    const response = await fetch(new URL('/nothing-here', server.url));
    await expectRefused(response, 404);
  });
});
