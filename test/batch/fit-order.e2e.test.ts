import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placardIn as placard, tempDir } from '../cli/run-placard.js';

/**
 * Auto-fit starts from the session's hint (the step the last page of its kind took), on a fixed grid of
 * scales: the hint may change how many attempts a page takes, never its scale. So a row's PDF is the same
 * bytes first in a run, after 50 other rows (other names, lengths and languages), and in a --jobs 2 run.
 */

const HEADER = 'id,name,street,city,contact_name,private_areas,languages';
const TARGET = 'target,Lake Street Tortillería,1510 E Lake St,Minneapolis,Rosa Delgado,Kitchen;Office,"en,es"';
const LANGUAGES = ['"en,es"', '"en,so"', '"en,vi,es"', 'en', '"en,zh-Hans"'];

function others(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `${'Very long business name '.repeat(i % 4)}Shop ${i}`.trim();
    return `o${i},${name},${100 + i * 7} Cedar Ave S,Minneapolis,Ana ${i},${i % 2 ? 'Kitchen' : 'Kitchen;Office;Storage room'},${LANGUAGES[i % LANGUAGES.length]}`;
  });
}

async function targetDigest(rows: readonly string[], jobs: number): Promise<string> {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'rows.csv');
  writeFileSync(data, `${[HEADER, ...rows].join('\n')}\n`);
  const out = join(dir, 'out');
  const run = await placard(['batch', 'private-areas', '--data', data, '--out-dir', out, '--jobs', String(jobs), '--quiet'], {
    env: { SOURCE_DATE_EPOCH: '1764547200' },
  });
  expect(run.code, run.stderr).toBe(0);
  return createHash('sha256')
    .update(readFileSync(join(out, 'target-private-areas.pdf')))
    .digest('hex');
}

describe('a row’s notice does not depend on the rows before it', () => {
  it('is the same bytes first, after 50 other rows, and with --jobs 2', async () => {
    const alone = await targetDigest([TARGET], 1);
    const rows = [...others(50), TARGET];
    expect(await targetDigest(rows, 1)).toBe(alone);
    expect(await targetDigest(rows, 2)).toBe(alone);
  }, 300_000);
});

describe('a row too wide for a line, after another row (the report of issue 21)', () => {
  // Before pages were made never to grow as their text shrinks, row z came out on a different scale after row a than
  // alone: its contact name, too wide for a line, broke in place at one scale and took a line of its own at the next.
  const rows = [
    'id,name,country,contact_name,contact_role,private_areas,report_url',
    'a,مخبز\u200f الأندلس,x,,,x,https://example.org/r?a=1&b=0',
    `z,Back room,x,${'W'.repeat(60)},x,x,https://example.org/r?a=1&b=15`,
  ];
  const zDigest = async (lines: readonly string[], jobs: number): Promise<string> => {
    const dir = tempDir();
    const data = join(dir, 'rows.csv');
    writeFileSync(data, `${lines.join('\n')}\n`);
    const out = join(dir, 'out');
    const args = [
      'batch',
      'private-areas',
      '--data',
      data,
      '--out-dir',
      out,
      '--lang',
      'ar,zh-Hans,es',
      '--size',
      'a4',
      '--arrange',
      'columns',
    ];
    const run = await placard([...args, '--jobs', String(jobs), '--quiet'], { env: { SOURCE_DATE_EPOCH: '1764547200' } });
    expect(run.code, run.stderr).toBe(0);
    return createHash('sha256')
      .update(readFileSync(join(out, 'z-private-areas.pdf')))
      .digest('hex');
  };

  it('is the same bytes alone and after row a', async () => {
    const alone = await zDigest([rows[0]!, rows[2]!], 1);
    expect(await zDigest(rows, 1)).toBe(alone);
  }, 300_000);
});
