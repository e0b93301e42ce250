import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { PAGE_SIZES } from '../../src/contract/page-sizes.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { placardIn as placard, tempDir } from './run-placard.js';

const DOWN = '\u001b[B';
const NAME = 'Tacos <El Güero> & Hijos';

/**
 * A terminal driven by a script: each step waits until its prompt text has
 * been written, then types its keys, as a person would.
 */
function scriptedTerminal(steps: readonly (readonly [prompt: string, keys: string])[], env: CliIO['env'] = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  let out = '';
  let err = '';
  let seen = 0;
  let next = 0;
  const answer = (): void => {
    const step = steps[next];
    if (!step) return;
    const at = out.indexOf(step[0], seen);
    if (at < 0) return;
    seen = out.length;
    next++;
    setImmediate(() => stdin.write(step[1]));
  };
  const io: CliIO = {
    stdin,
    stdout: {
      write: (chunk) => {
        out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        answer();
      },
    },
    stderr: { write: (chunk) => (err += chunk) },
    env,
  };
  return { io, stdin, stdout: () => out, stderr: () => err, answered: () => next };
}

const FIRST_RUN = [
  ['a business or for a home?', '\r'],
  ['What is the name of your business?', '\r'], // Enter alone: the name is needed, so it asks again
  ['This one is needed', `${NAME}\r`],
  ['Street address', '\r'],
  ['City', 'Minneapolis\r'],
  ['State or region', '\r'],
  ['Postal code', '\r'],
  ['Phone number', '\r'],
  ['Who should visitors ask for?', 'Ana\r'],
  ['Their role', 'Owner\r'],
  ['customers cannot enter and that you keep closed', 'Kitchen, Office\r'],
  ['Which languages', 'es'], // typing filters the list: Español comes to the top, under the cursor
  ['❯ Español', '\r'],
  ['❯ Done', '\r'],
  ['Which notice', '\r'],
  ['Which paper', '\r'],
] as const;

describe('placard init: from nothing to a PDF', () => {
  it('asks, writes business.yaml, renders the notice and says where it is', async () => {
    const dir = tempDir();
    const term = scriptedTerminal(FIRST_RUN);
    const code = await main(['init', '--dir', dir], term.io);
    expect(code, term.stderr()).toBe(0);
    expect(term.answered()).toBe(FIRST_RUN.length);
    expect(YAML.parse(readFileSync(join(dir, 'business.yaml'), 'utf8'))).toEqual({
      name: NAME,
      city: 'Minneapolis',
      contact_name: 'Ana',
      contact_role: 'Owner',
      private_areas: ['Kitchen', 'Office'],
      languages: ['en', 'es'],
    });
    const pdfFile = join(dir, 'business-private-areas.pdf');
    expect(term.stdout()).toContain(`Your notice is ready: ${pdfFile} (1 page)`);
    expect(term.stdout()).toContain(`placard render private-areas --data ${join(dir, 'business.yaml')} --lang en,es\n`);
    expect(term.stdout()).not.toContain('npx');
    const facts = await readPdf(new Uint8Array(readFileSync(pdfFile)));
    expect(facts.text).toContain(NAME);
    expect(facts.text).toContain('Kitchen');
    expect(facts.text).toContain('Ana');
    expect(facts.lang).toBe('en');
    expect(term.stderr()).toMatch(/es \(Español\) translation is a draft/);
  });

  it('for a home, asks only what fits: a household line, languages found by typing, the notice and the paper', async () => {
    const dir = tempDir();
    const steps = [
      ['a business or for a home?', `${DOWN}\r`],
      ['such as "Apartment 4B"? Never your names', 'Apartment 4B #2: rear door\r'],
      ['Which languages', 'soo'], // by the language's own name
      ['❯ Soomaali', '\r'],
      ['❯ Done', '\r'],
      ['Which notice', '\r'],
      ['Which paper', '\r'], // the cursor starts on A4: the system locale is German
    ] as const;
    const term = scriptedTerminal(steps, { LANG: 'de_DE.UTF-8', npm_command: 'exec' });
    const code = await main(['init', '--dir', dir], term.io);
    expect(code, term.stderr()).toBe(0);
    expect(term.answered()).toBe(steps.length);
    for (const business of ['name of your business', 'Street address', 'visitors ask for', 'customers cannot enter']) {
      expect(term.stdout()).not.toContain(business);
    }
    const file = join(dir, 'home.yaml');
    expect(YAML.parse(readFileSync(file, 'utf8'))).toEqual({ household_line: 'Apartment 4B #2: rear door', languages: ['en', 'so'] });
    const pdfFile = join(dir, 'home.pdf');
    expect(term.stdout()).toContain(`Your notice is ready: ${pdfFile} (1 page)`);
    expect(term.stdout()).toContain(`npx placard render home --data ${file} --lang en,so --size a4\n`);
    const facts = await readPdf(new Uint8Array(readFileSync(pdfFile)));
    expect(facts.pages[0]!.width).toBeCloseTo(PAGE_SIZES.a4.width, 0);
    expect(facts.text).toContain('Apartment 4B #2: rear door');
    expect(facts.text).toContain('Private home');
    expect(facts.text.replace(/\s+/g, ' ')).toContain('Ma oggolaanno in gurigan la galo ama la baaro.');
  });

  it('exits 130 on Ctrl-C, writing nothing', async () => {
    const dir = tempDir();
    const term = scriptedTerminal([
      ['a business or for a home?', '\r'],
      ['What is the name', '\u0003'],
    ]);
    expect(await main(['init', '--dir', dir], term.io)).toBe(130);
    expect(term.stderr()).toContain('stopped (Ctrl-C); nothing was written');
    expect(existsSync(join(dir, 'business.yaml'))).toBe(false);
  });

  it('never replaces an existing business.yaml without asking, and keeps it when told no', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'business.yaml'), 'name: Kept\n');
    const term = scriptedTerminal([
      ['a business or for a home?', '\r'],
      ['is already here. Replace it', 'n\r'],
    ]);
    expect(await main(['init', '--dir', dir], term.io)).toBe(0);
    expect(readFileSync(join(dir, 'business.yaml'), 'utf8')).toBe('name: Kept\n');
    expect(term.stdout()).toContain('Kept');
  });

  it('writes nothing when the answers stop early', async () => {
    const dir = tempDir();
    const term = scriptedTerminal([
      ['a business or for a home?', '\r'],
      ['What is the name', 'Shop\r'],
    ]);
    const run = main(['init', '--dir', dir], term.io);
    await new Promise((resolve) => setTimeout(resolve, 300));
    term.stdin.end();
    expect(await run).toBe(2);
    expect(term.stderr()).toContain('nothing was written');
    expect(existsSync(join(dir, 'business.yaml'))).toBe(false);
  });

  it('without a terminal, exits 2 and says which render flags to use', async () => {
    const run = await placard(['init'], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs a terminal');
    expect(run.stderr).toContain('placard render private-areas --set name=');
    expect(run.stderr).toContain('--data business.yaml');
    expect(run.stderr).toContain('placard render home');
  });

  it('says npx placard in its hints when run through npx', async () => {
    const run = await placard(['init'], { cwd: tempDir(), env: { npm_command: 'exec' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('npx placard render private-areas --set name=');
  });
});
