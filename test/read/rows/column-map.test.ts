import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { mapColumns, parseMapFlags, readColumnsFile, runFields } from '../../../src/read/rows/column-map.js';
import { headerKey } from '../../../src/read/rows/header-fields.js';
import { openRows } from '../../../src/read/rows/read-rows.js';
import type { RowEvent } from '../../../src/read/rows/row-source.js';
import { loadTemplate } from '../../../src/templates/catalog.js';
import { tempDir, write } from './rows-helpers.js';

const dir = tempDir('columns');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const fields = runFields(loadTemplate('private-areas').manifest.fields);

async function mapped(csv: string, explicit = {}): Promise<{ events: RowEvent[]; notes: readonly string[]; columns: readonly string[] }> {
  const result = mapColumns(await openRows(write(dir, 'rows.csv', csv)), fields, explicit);
  const events: RowEvent[] = [];
  for await (const event of result.source.rows()) events.push(event);
  return { events, notes: result.notes, columns: result.source.columns };
}

describe('headers as cities write them', () => {
  it('ignores case, spaces, underscores and punctuation', () => {
    expect(headerKey('Postal_Code')).toBe(headerKey('postal code'));
    expect(headerKey('Language(s)')).toBe('languages');
    expect(headerKey('E-Mail')).toBe('email');
  });

  it('maps the synonyms cities use to fields', async () => {
    const { events, columns } = await mapped(
      'Business Name,Street Address,ZIP,Phone Number,Contact Person,Private Areas,Language(s),Ward\nDeli,1 Main St,07102,612-555-0101,Ana,Kitchen,English,3\n',
    );
    expect(columns).toEqual(['name', 'street', 'postal_code', 'phone', 'contact_name', 'private_areas', 'languages']);
    expect(events).toEqual([
      {
        row: 2,
        record: {
          name: 'Deli',
          street: '1 Main St',
          postal_code: '07102',
          phone: '612-555-0101',
          contact_name: 'Ana',
          private_areas: 'Kitchen',
          languages: 'English',
        },
      },
    ]);
  });

  it.each([
    ['DBA', 'name'],
    ['Contact', 'contact_name'],
    ['Contact Name', 'contact_name'],
    ['Manager', 'contact_name'],
    ['Zip Code', 'postal_code'],
    ['Postcode', 'postal_code'],
    ['Postal Code', 'postal_code'],
    ['Address', 'street'],
    ['LANGUAGES', 'languages'],
    ['private_areas.ES', 'private_areas.es'],
  ])('%s gives %s', async (header, field) => {
    const { columns } = await mapped(`name,${header}\nDeli,x\n`.replace('name,DBA', 'DBA'));
    expect(columns).toContain(field);
  });

  it('uses the better of two columns for one field and says which it passed over', async () => {
    const { events, notes } = await mapped('Business Name,DBA\nRiverside Holdings LLC,Hodan Market\n');
    expect(events).toEqual([{ row: 2, record: { name: 'Hodan Market' } }]);
    expect(notes.join('\n')).toContain('column "business name" is not read: "dba" gives the name (say --map name="business name"');
  });

  it('gives a did-you-mean for a near miss', async () => {
    const { notes } = await mapped('Name,Bussiness Adress,Privat Areas\nDeli,1 Main,Kitchen\n');
    expect(notes.join('\n')).toContain('"privat areas" (did you mean private_areas? say --map private_areas="privat areas")');
  });

  it('stops before any row with no column for a required field, naming the headers it saw (exit 2)', async () => {
    const source = await openRows(write(dir, 'no-name.csv', 'Shop,City,ZIP\nDeli,Austin,78701\n'));
    const error = (() => {
      try {
        mapColumns(source, fields);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected a UsageError');
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain('no column gives the required field "name"; the columns are "shop", "city", "zip"');
    source.close();
  });

  it('takes --map and --columns over everything, and refuses a map to a column that is not there', async () => {
    const { events } = await mapped('Shop,Legal Name\nDeli,Deli LLC\n', parseMapFlags(['name=Shop']));
    expect(events).toEqual([{ row: 2, record: { name: 'Deli' } }]);
    const file = write(dir, 'columns.yaml', 'name: Legal Name\n');
    expect(readColumnsFile(file)).toEqual({ name: 'Legal Name' });
    await expect(mapped('Shop\nDeli\n', { name: 'Store' })).rejects.toThrow('has no column "Store"');
    await expect(mapped('Shop\nDeli\n', { nmae: 'Shop' })).rejects.toThrow('"nmae" is not a business field; did you mean "name"?');
  });
});
