import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/cli/help-examples.js';
import { Reporter, type CliIO } from '../../src/cli/io.js';
import { buildProgram, commandPath, everyCommand, main } from '../../src/cli/main.js';
import { readPdf } from '../helpers/pdf-reader.js';

/** An in-memory terminal; `tty` makes stdout claim to be one, `stdin` gives data to read. */
function terminal(options: { tty?: boolean; stdin?: string } = {}) {
  const out: (string | Uint8Array)[] = [];
  let err = '';
  const io: CliIO = {
    stdout: { write: (chunk) => out.push(chunk), ...(options.tty ? { isTTY: true } : {}) },
    stderr: { write: (chunk) => (err += chunk) },
    env: {},
    ...(options.stdin !== undefined ? { stdin: Readable.from([Buffer.from(options.stdin)]) } : {}),
  };
  return { io, stdout: () => out, text: () => out.map(String).join(''), stderr: () => err };
}

describe('did-you-mean for templates and packets', () => {
  it('suggests private-areas for privat-areas, and lists templates and packets', async () => {
    const term = terminal();
    expect(await main(['render', 'privat-areas', '--set', 'name=A', '-o', '-'], term.io)).toBe(2);
    expect(term.stderr()).toContain('unknown template or packet "privat-areas"; did you mean "private-areas"?');
    expect(term.stderr()).toMatch(/Packets: .*business-packet/);
    expect(term.stdout()).toEqual([]);
  });

  it('suggests a packet for a packet typo, in render and in templates show', async () => {
    for (const argv of [
      ['render', 'busines-packet', '--set', 'name=A', '-o', '-'],
      ['templates', 'show', 'busines-packet'],
    ]) {
      const term = terminal();
      expect(await main(argv, term.io)).toBe(2);
      expect(term.stderr()).toContain('did you mean "business-packet"?');
    }
  });

  it('templates show describes a packet by its templates', async () => {
    const term = terminal();
    expect(await main(['templates', 'show', 'business-packet'], term.io)).toBe(0);
    expect(term.text()).toMatch(/^business-packet: .*\(packet\)/);
    expect(term.text()).toMatch(/templates:\n {2}private-areas/);
  });
});

describe('choices are matched without regard to case', () => {
  it('--size A4 and --arrange PAGES are a4 and pages', async () => {
    const term = terminal();
    const argv = ['render', 'private-areas', '--set', 'name=Ana', '--lang', 'en,es', '--size', 'A4', '--arrange', 'PAGES', '-o', '-'];
    expect(await main(argv, term.io)).toBe(0);
    const pdf = await readPdf(term.stdout()[0] as Uint8Array);
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages[0]!.width).toBeCloseTo(595.28, 0);
  });

  it('still refuses a size that is not one, listing the choices', async () => {
    const term = terminal();
    expect(await main(['render', 'private-areas', '--size', 'A0', '--set', 'name=A'], term.io)).toBe(2);
    expect(term.stderr()).toMatch(/Allowed choices are letter, a4/);
  });
});

describe('render -o - and --data -', () => {
  it('refuses to write a PDF onto a terminal, before any work', async () => {
    const term = terminal({ tty: true });
    expect(await main(['render', 'private-areas', '--set', 'name=X', '-o', '-'], term.io)).toBe(2);
    expect(term.stderr()).toMatch(/stdout is a terminal.*-o - > notice\.pdf/);
    expect(term.stdout()).toEqual([]);
  });

  it('reads the business from stdin with --data -, and --set still wins', async () => {
    const term = terminal({ stdin: 'name: Hodan Halal Market\ncontact_name: Hodan\n' });
    expect(await main(['render', 'private-areas', '--data', '-', '--set', 'contact_name=Ayaan', '-o', '-'], term.io)).toBe(0);
    const text = (await readPdf(term.stdout()[0] as Uint8Array)).text;
    expect(text).toContain('Hodan Halal Market');
    expect(text).toContain('Ayaan');
  });

  it('says where the YAML on stdin is wrong, and refuses empty stdin', async () => {
    const bad = terminal({ stdin: 'name: [unclosed\n' });
    expect(await main(['render', 'private-areas', '--data', '-', '-o', '-'], bad.io)).toBe(2);
    expect(bad.stderr()).toMatch(/stdin: line \d/);
    const empty = terminal({ stdin: '' });
    expect(await main(['render', 'private-areas', '--data', '-', '-o', '-'], empty.io)).toBe(2);
    expect(empty.stderr()).toContain('stdin was empty');
  });
});

describe('render points to the fix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'placard-habits-'));

  it('an unquoted --set value: says to quote it and shows the command', async () => {
    const term = terminal();
    expect(await main(['render', 'private-areas', '--set', 'name=Hodan', 'Halal', 'Market', '--lang', 'en'], term.io)).toBe(2);
    expect(term.stderr()).toContain('Put values with spaces in quotes');
    expect(term.stderr()).toContain('placard render private-areas --set name="Hodan Halal Market" --lang en');
    expect(term.stderr()).not.toContain('got 3');
  });

  it('a spreadsheet points to batch with the command', async () => {
    const file = join(dir, 'city.csv');
    writeFileSync(file, 'name,contact_name\nAlpha,Ana\n');
    const term = terminal();
    expect(await main(['render', 'private-areas', '--data', file], term.io)).toBe(2);
    expect(term.stderr()).toContain('a CSV spreadsheet, which holds many businesses');
    expect(term.stderr()).toContain(`placard batch private-areas --data ${file} --out-dir notices`);
  });

  it.each([
    [
      'w.docx',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(26), Buffer.from('word/document.xml')]),
      'a Word document (.docx), not a text file',
    ],
    ['scan.yaml', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n'), 'a PDF, not a text file'],
    ['photo.yaml', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'a JPEG image, not a text file'],
  ])('%s is named for what it is, not blamed on the encoding', async (name, bytes, said) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const term = terminal();
    expect(await main(['render', 'private-areas', '--data', file], term.io)).toBe(2);
    expect(term.stderr()).toContain(said);
    expect(term.stderr()).not.toContain('UTF-8');
  });
});

describe('--json on the list commands', () => {
  it('templates list --json lists templates and packets', async () => {
    const term = terminal();
    expect(await main(['templates', 'list', '--json'], term.io)).toBe(0);
    const listed = JSON.parse(term.text()) as { id: string; kind: string; templates?: unknown[] }[];
    expect(listed.find((entry) => entry.id === 'private-areas')?.kind).toBe('template');
    expect(listed.find((entry) => entry.id === 'business-packet')).toMatchObject({ kind: 'packet', templates: expect.any(Array) });
  });

  it('locales list --json gives each locale with its meta', async () => {
    const term = terminal();
    expect(await main(['locales', 'list', '--json'], term.io)).toBe(0);
    const listed = JSON.parse(term.text()) as { code: string; meta: { english_name: string } }[];
    expect(listed.find((entry) => entry.code === 'so')?.meta.english_name).toBe('Somali');
  });
});

describe('help', () => {
  async function tree(): Promise<Command> {
    const term = terminal();
    return buildProgram(term.io, new Reporter(term.io), () => {});
  }

  it('every command has examples, and every example names a real command', async () => {
    const program = await tree();
    const paths: string[] = [];
    everyCommand(program, (command) => paths.push(commandPath(command).join(' ')));
    for (const path of paths) expect(EXAMPLES[path], `examples for "placard ${path}"`).toBeDefined();
    for (const path of Object.keys(EXAMPLES)) expect(paths).toContain(path);
  });

  it('render --help shows examples; batch --help marks --data and --out-dir required', async () => {
    const render = terminal();
    expect(await main(['render', '--help'], render.io)).toBe(0);
    expect(render.text()).toMatch(/Examples:\n {2}\$ placard render private-areas --data business\.yaml/);
    const batch = terminal();
    expect(await main(['batch', '--help'], batch.io)).toBe(0);
    expect(batch.text()).toMatch(/--data <file> +\(required\)/);
    expect(batch.text()).toMatch(/--out-dir <dir> +\(required\)/);
    expect(batch.text()).not.toMatch(/--combined <file> +\(required\)/);
  });
});
