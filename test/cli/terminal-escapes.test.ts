import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** ESC, OSC (retitles the terminal), BEL, a C1 control (CSI), an override and an isolate. */
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil\u2066';
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

function terminal() {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: { write: (chunk) => (out += String(chunk)) }, stderr: { write: (chunk) => (err += chunk) }, env: {} };
  return { io, stdout: () => out, stderr: () => err };
}

/** A templates folder with private-areas copied and its title made hostile; `packet` adds a packet with a hostile title. */
function hostileTemplates(where: 'template' | 'packet'): string {
  const root = mkdtempSync(join(tmpdir(), 'placard-escapes-'));
  const dir = join(root, 'private-areas');
  cpSync('templates/private-areas', dir, { recursive: true });
  if (where === 'template') {
    const manifest = join(dir, 'template.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(`Door ${HOSTILE}`)}`));
  } else {
    mkdirSync(join(root, 'packets'));
    writeFileSync(
      join(root, 'packets', 'door-pack.yaml'),
      `id: door-pack\ntitle: ${JSON.stringify(`Pack ${HOSTILE}`)}\ndescription: Doors\ntemplates:\n  - template: private-areas\n`,
    );
  }
  return root;
}

describe('terminal escapes from templates and locales never reach the terminal raw', () => {
  it.each(['template', 'packet'] as const)('templates list refuses a %s title with escapes, showing them as U+ codes', async (where) => {
    const term = terminal();
    expect(await main(['templates', 'list', '--templates', hostileTemplates(where)], term.io)).toBe(2);
    expect(term.stdout() + term.stderr()).not.toMatch(RAW);
    expect(term.stderr()).toMatch(/title: contains U\+001B \(ESC/);
  });

  it('templates check refuses the title (exit 1), and render makes no PDF with it in /Title or /Subject', async () => {
    const root = hostileTemplates('template');
    const check = terminal();
    expect(await main(['templates', 'check', join(root, 'private-areas')], check.io)).not.toBe(0);
    expect(check.stderr()).toContain('U+001B');
    expect(check.stderr()).not.toMatch(RAW);
    const render = terminal();
    expect(await main(['render', 'private-areas', '--templates', root, '--set', 'name=A', '-o', '-'], render.io)).toBe(2);
    expect(render.stdout()).toBe('');
    expect(render.stderr()).not.toMatch(RAW);
  });

  it("locales list shows a locale's hostile name as U+ codes, in text and in --json", async () => {
    const root = mkdtempSync(join(tmpdir(), 'placard-escapes-'));
    cpSync('locales/so', join(root, 'so'), { recursive: true });
    const meta = join(root, 'so', 'meta.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('name: Soomaali', `name: ${JSON.stringify(`Soomaali${HOSTILE}`)}`));
    for (const argv of [
      ['locales', 'list', '--locales', root],
      ['locales', 'list', '--locales', root, '--json'],
    ]) {
      const term = terminal();
      await main(argv, term.io);
      expect(term.stdout() + term.stderr()).not.toMatch(RAW);
      expect(term.stdout() + term.stderr()).toMatch(/Soomaali(<U\+001B>|\\u001b)/);
    }
  });

  it('a bidi override or an escape in an argument is escaped in the usage error', async () => {
    const term = terminal();
    expect(await main(['render', 'private-areas', `--\u202eezis`, 'a4'], term.io)).toBe(2);
    expect(term.stderr()).toContain("unknown option '--<U+202E>ezis'");
    const escape = terminal();
    expect(await main(['render', `x\u001b]0;t\u0007`], escape.io)).toBe(2);
    expect(escape.stderr()).not.toMatch(RAW);
  });
});
