import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

function terminal() {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: { write: (chunk) => (out += String(chunk)) }, stderr: { write: (chunk) => (err += chunk) }, env: {} };
  return { io, stdout: () => out, stderr: () => err };
}

describe('placard templates show', () => {
  it('shows required and optional fields, sizes, arrangements and languages', async () => {
    const term = terminal();
    expect(await main(['templates', 'show', 'public-property'], term.io)).toBe(0);
    const text = term.stdout();
    expect(text).toMatch(/required: +name \(text, at most 80 characters\), jurisdiction \(text.*order_number \(text/);
    expect(text).toMatch(/optional: .*property_id .*report_url \(link/);
    expect(text).toMatch(/sizes: +letter, a4, legal, tabloid/);
    expect(text).toMatch(/arrangements: +stacked \(default\), columns \(default from 3 languages\), pages/);
    expect(text).toMatch(/languages: .*\ben\b.*es \(draft\).*zh-Hant \(draft\)/);
  });

  it('refuses an unknown template with exit 2, listing the known ones', async () => {
    const term = terminal();
    expect(await main(['templates', 'show', 'no-such'], term.io)).toBe(2);
    expect(term.stderr()).toContain('staff-only');
  });
});

describe('placard templates check', () => {
  it('exits 0 for a good template', async () => {
    const term = terminal();
    expect(await main(['templates', 'check', 'templates/staff-only'], term.io)).toBe(0);
    expect(term.stderr()).toContain('ok');
  });

  it('exits 1 for a broken template, with file, line and column', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'placard-check-')), 'broken');
    mkdirSync(dir);
    cpSync('templates/staff-only', dir, { recursive: true });
    writeFileSync(join(dir, 'template.yaml'), readFileSync(join(dir, 'template.yaml'), 'utf8').replace('id: staff-only', 'id: broken'));
    writeFileSync(join(dir, 'template.hbs'), readFileSync(join(dir, 'template.hbs'), 'utf8').replace('<rule/>', '<rule/><hr/>'));
    const term = terminal();
    expect(await main(['templates', 'check', dir], term.io)).toBe(1);
    expect(term.stderr()).toContain(`${join(dir, 'template.hbs')}, line 13, column 10: <hr> is not a block element`);
  });

  it('exits 2 on usage errors: no folder, or one that does not exist', async () => {
    expect(await main(['templates', 'check'], terminal().io)).toBe(2);
    expect(await main(['templates', 'check', '/nonexistent/placard-template'], terminal().io)).toBe(2);
  });
});
