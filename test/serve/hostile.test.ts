import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, SHOP, testServer } from './serve-helpers.js';

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer({ batch: { uploadBytes: 1024 * 1024 } });
});
afterAll(async () => {
  await server.close();
});

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

  it('never sends a stack trace, even for a bug', async () => {
    const response = await fetch(new URL('/nothing-here', server.url));
    await expectRefused(response, 404);
  });
});
