import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placardIn as placard } from '../cli/run-placard.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { packetFolder } from '../templates/packet-fixture.js';

describe('placard batch and render take a packet wherever they take a template', () => {
  it('batch: one PDF per business, named after the packet; bad rows fail once; a combined file', async () => {
    const dir = packetFolder();
    writeFileSync(join(dir, 'shops.csv'), 'id,name,contact_name,languages\nc1,Café Uno,Ana,"en,es"\nc2,Shop Two,,en\nc3,Tres,Luis,en\n');
    const run = await placard(
      [
        'batch',
        'two-doors',
        '--templates',
        dir,
        '--data',
        'shops.csv',
        '--out-dir',
        'out',
        '--combined',
        'all.pdf',
        '--jobs',
        '2',
        '--quiet',
      ],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(1);
    const files = readdirSync(join(dir, 'out'))
      .filter((name) => name.endsWith('.pdf'))
      .sort();
    expect(files).toEqual(['c1-two-doors.pdf', 'c3-two-doors.pdf']);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as {
      template: string;
      entries: { template?: string; file?: string }[];
    };
    expect(manifest.template).toBe('two-doors');
    const one = await readPdf(new Uint8Array(readFileSync(join(dir, 'out', 'c1-two-doors.pdf'))));
    expect(one.outline).toEqual(['Private areas door notice (1 of 2)', 'Private areas door notice (2 of 2)', 'Back door notice']);
    expect(one.pageCount).toBe(4);
    const errors = readFileSync(join(dir, 'out', 'errors.csv'), 'utf8');
    expect(errors.match(/contact_name/g)).toHaveLength(1);
    const all = await readPdf(new Uint8Array(readFileSync(join(dir, 'all.pdf'))));
    expect(all.outline).toEqual(['Café Uno', 'Tres']);
    expect(all.pageCount).toBe(4 + 3);
  });

  it('render: a packet with a missing template is a usage error naming it', async () => {
    const dir = packetFolder();
    writeFileSync(join(dir, 'packets', 'gone.yaml'), 'id: gone\ntitle: Gone\ndescription: x\ntemplates:\n  - template: staff-only-x\n');
    const run = await placard(['render', 'gone', '--templates', dir, '--set', 'name=A', '-o', join(dir, 'gone.pdf')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('names a template placard does not have: staff-only-x');
  });

  it('templates list marks packets', async () => {
    const run = await placard(['templates', 'list', '--templates', packetFolder()]);
    expect(run.stdout.toString()).toMatch(/two-doors\s+\(packet\) Two doors: private-areas ×2, back-door/);
    expect(run.stdout.toString()).toMatch(/business-packet\s+\(packet\)/);
  });
});
