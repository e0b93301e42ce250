import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { CliIO } from '../../src/cli/io.js';
import { languageChoices } from '../../src/cli/init-questions.js';
import { main } from '../../src/cli/main.js';
import { localeCatalog } from '../../src/strings/locale-catalog.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { placard, tempDir } from './run-placard.js';

const DOWN = '\u001b[B';
const NAME = 'Tacos <El Güero> & Hijos';

/**
 * A terminal driven by a script: each step waits until its prompt text has
 * been written, then types its keys, as a person would.
 */
function scriptedTerminal(steps: readonly (readonly [prompt: string, keys: string])[]) {
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
    env: {},
  };
  return { io, stdin, stdout: () => out, stderr: () => err, answered: () => next };
}

const spanish = languageChoices(localeCatalog([])).findIndex((choice) => choice.value === 'es');

const FIRST_RUN = [
  ['What is the name of your business?', '\r'], // Enter alone: the name is needed, so it asks again
  ['This one is needed', `${NAME}\r`],
  ['Street address', '\r'],
  ['City', 'Minneapolis\r'],
  ['State or region', '\r'],
  ['Postal code', '\r'],
  ['Phone number', '\r'],
  ['Who should visitors ask for?', 'Ana\r'],
  ['Their role', 'Owner\r'],
  ['Which areas are private?', 'Kitchen, Office\r'],
  ['Which languages', `${DOWN.repeat(spanish)} \r`],
  ['Which notice', '\r'],
] as const;

describe('placard init: from nothing to a PDF', () => {
  it('asks, writes business.yaml, renders the notice and says where it is', async () => {
    const dir = tempDir();
    const term = scriptedTerminal(FIRST_RUN);
    const code = await main(['init', '--dir', dir], term.io);
    expect(code, term.stderr()).toBe(0);
    expect(term.answered()).toBe(FIRST_RUN.length);
    expect(languageChoices(localeCatalog([]))[spanish]!.name).toBe('Español (Spanish)');
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
    expect(term.stdout()).toContain('placard render private-areas --data');
    const facts = await readPdf(new Uint8Array(readFileSync(pdfFile)));
    expect(facts.text).toContain(NAME);
    expect(facts.text).toContain('Kitchen');
    expect(facts.text).toContain('Ana');
    expect(facts.lang).toBe('en');
    expect(term.stderr()).toMatch(/es \(Español\) translation is a draft/);
  });

  it('never replaces an existing business.yaml without asking, and keeps it when told no', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'business.yaml'), 'name: Kept\n');
    const term = scriptedTerminal([['is already here. Replace it', 'n\r']]);
    expect(await main(['init', '--dir', dir], term.io)).toBe(0);
    expect(readFileSync(join(dir, 'business.yaml'), 'utf8')).toBe('name: Kept\n');
    expect(term.stdout()).toContain('Kept');
  });

  it('writes nothing when the answers stop early', async () => {
    const dir = tempDir();
    const term = scriptedTerminal([['What is the name', 'Shop\r']]);
    const run = main(['init', '--dir', dir], term.io);
    await new Promise((resolve) => setTimeout(resolve, 300));
    term.stdin.end();
    expect(await run).toBe(2);
    expect(term.stderr()).toContain('nothing was written');
    expect(existsSync(join(dir, 'business.yaml'))).toBe(false);
  });

  it('without a terminal, exits 2 and says which render flags to use', () => {
    const run = placard(['init'], { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs a terminal');
    expect(run.stderr).toContain('placard render private-areas --set name=');
    expect(run.stderr).toContain('--data business.yaml');
  });
});
