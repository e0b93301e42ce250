import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import type { RowFormat } from '../../../src/read/rows/row-source.js';
import { readAll, tempDir } from './rows-helpers.js';
import { sheetXml, workbookEntries, zip } from './zip-writer.js';

const dir = tempDir('random');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Text made mostly of what CSV, JSON and YAML give meaning to, with some stray bytes. */
const pieces = fc.constantFrom(
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  'a',
  'Name',
  'id',
  'é',
  '😀',
  '\uFEFF',
  '[',
  ']',
  '{',
  '}',
  ':',
  '- ',
  '&a',
  '*a',
  '1e400',
  '07102',
  '\\',
);
const stray = fc.uint8Array({ minLength: 1, maxLength: 3 }).map((bytes) => Buffer.from(bytes));
const input = fc
  .array(fc.oneof({ weight: 9, arbitrary: pieces.map((text) => Buffer.from(text)) }, { weight: 1, arbitrary: stray }), { maxLength: 300 })
  .map((parts) => Buffer.concat(parts));

let count = 0;

/** Reads bytes as `format`; the only error allowed out is a UsageError, and every event has a row number. */
async function readsCleanly(bytes: Buffer, format: RowFormat): Promise<void> {
  const file = path.join(dir, `input-${count++}`);
  fs.writeFileSync(file, bytes);
  try {
    const { events } = await readAll(file, { format });
    for (const event of events) expect(Number.isInteger(event.row) && event.row > 0).toBe(true);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('random input never crashes a reader', () => {
  for (const format of ['csv', 'tsv', 'json', 'ndjson', 'yaml'] as const) {
    it(`${format}: ends with rows or a UsageError`, async () => {
      await fc.assert(
        fc.asyncProperty(input, (bytes) => readsCleanly(bytes, format)),
        { numRuns: 250 },
      );
    });
  }

  it('xlsx: a sheet of random XML ends with rows or a UsageError', async () => {
    const xml = fc.array(
      fc.constantFrom(
        '<x:row>',
        '</x:row>',
        '<x:c r="B2" t="s">',
        '<x:c t="n">',
        '<x:c t="e">',
        '</x:c>',
        '<x:v>',
        '</x:v>',
        '0',
        '1e999',
        '-',
        'A',
        '&amp;',
        '<x:is><x:t>',
        '</x:t></x:is>',
        '<x:c t="inlineStr">',
      ),
      { maxLength: 60 },
    );
    await fc.assert(
      fc.asyncProperty(xml, (parts) =>
        readsCleanly(
          zip(
            workbookEntries(
              sheetXml(['<x:row r="1"><x:c t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c></x:row>', parts.join('')]),
              '<sst><si><t>s</t></si></sst>',
            ),
          ),
          'xlsx',
        ),
      ),
      { numRuns: 150 },
    );
  });
});
