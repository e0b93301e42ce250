import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placard, tempDir } from '../cli/run-placard.js';
import { pdftotext, hasTool } from '../helpers/system-tools.js';
import { decodeAllQr } from '../helpers/qr-codes.js';
import { post, SHOP, testServer } from './serve-helpers.js';

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server.close();
});

interface Rendered {
  ok: boolean;
  pdf?: string;
  pageCount?: number;
  problems?: { field?: string; message: string }[];
  warnings?: { field?: string; lang?: string; message: string }[];
}

describe('placard serve: one notice', () => {
  it('renders the same bytes as placard render with the business.yaml it offers', async () => {
    const request = { ...SHOP, size: 'a4', arrange: 'stacked' };
    const rendered = (await (await post(server, '/api/render', request)).json()) as Rendered;
    expect(rendered.ok).toBe(true);
    const yamlResponse = await post(server, '/api/business-yaml', request);
    expect(yamlResponse.headers.get('content-disposition')).toBe('attachment; filename="business.yaml"');
    const yaml = await yamlResponse.text();
    expect(yaml).toContain('placard render private-areas --data business.yaml --size a4 --arrange stacked');
    const dir = tempDir();
    writeFileSync(join(dir, 'business.yaml'), yaml);
    const run = placard(['render', 'private-areas', '--data', 'business.yaml', '--size', 'a4', '--arrange', 'stacked', '-o', 'out.pdf'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const cli = new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(join(dir, 'out.pdf'))));
    expect(Buffer.from(rendered.pdf!, 'base64').equals(Buffer.from(cli))).toBe(true);
  });

  it.skipIf(!hasTool('pdftotext'))('prints the details and both languages, with the rights QR', async () => {
    const rendered = (await (await post(server, '/api/render', SHOP)).json()) as Rendered;
    const pdf = new Uint8Array(Buffer.from(rendered.pdf!, 'base64'));
    const text = pdftotext(pdf);
    expect(text).toContain('Lake Street Tortillería');
    expect(text).toContain('Milkiilaha');
    expect((await decodeAllQr(pdf)).some((url) => url.startsWith('https://'))).toBe(true);
    expect(rendered.warnings!.some((warning) => warning.lang === 'so')).toBe(true);
  });

  it('answers problems with their fields, as the CLI prints them', async () => {
    const rendered = (await (
      await post(server, '/api/render', { notice: 'private-areas', fields: { name: '', report_url: 'javascript:alert(1)' } })
    ).json()) as Rendered;
    expect(rendered.ok).toBe(false);
    expect(rendered.problems!.map((problem) => problem.field)).toEqual(expect.arrayContaining(['name']));
  });

  it('serves the catalog from the manifests and the business schema', async () => {
    const catalog = (await (await fetch(new URL('/api/catalog', server.url))).json()) as {
      notices: { id: string; audience: string; fields: Record<string, { required: boolean; max: number }> }[];
      languages: { code: string; name: string; status: string }[];
    };
    const notice = catalog.notices.find((entry) => entry.id === 'private-areas')!;
    expect(notice.audience).toBe('business');
    expect(notice.fields.name).toMatchObject({ required: true, max: 80 });
    expect(catalog.languages.find((language) => language.code === 'so')).toMatchObject({ name: 'Soomaali', status: 'draft' });
    expect(catalog.notices.some((entry) => entry.id === 'business-packet')).toBe(true);
  });
});

describe('placard serve: the page', () => {
  it('follows Accept-Language and lays Arabic out right to left', async () => {
    const page = await (await fetch(server.url, { headers: { 'Accept-Language': 'ar-EG,ar;q=0.9,en;q=0.5' } })).text();
    expect(page).toMatch(/<html lang="ar" dir="rtl">/);
    const english = await (await fetch(server.url, { headers: { 'Accept-Language': 'xx, en-US;q=0.8' } })).text();
    expect(english).toMatch(/<html lang="en" dir="ltr">/);
    const chosen = await (await fetch(new URL('/?lang=es', server.url), { headers: { 'Accept-Language': 'ar' } })).text();
    expect(chosen).toMatch(/<html lang="es" dir="ltr">/);
  });

  it('sends security headers and no inline script', async () => {
    const response = await fetch(server.url);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await response.text();
    expect(page.match(/<script(?![^>]*(src=|type="application\/json"))[^>]*>/g)).toBeNull();
  });
});
