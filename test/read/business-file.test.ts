import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { InputError, UsageError } from '../../src/errors.js';
import { readBusinessFile, readBusinessFileWithWarnings } from '../../src/read/business-file.js';
import { validateBusiness } from '../../src/validate/business.js';
import { loadTemplate } from '../../src/templates/catalog.js';
import { thrown } from '../helpers/thrown.js';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'placard-business-file-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `text` to a new file in the temp folder and returns its path. */
function file(name: string, text: string): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, text, 'utf8');
  return target;
}

/** The UsageError readBusinessFile throws for `target`. */
const usageErrorFrom = (target: string): UsageError => thrown(UsageError, () => readBusinessFile(target));

describe('readBusinessFile: YAML', () => {
  it('reads a mapping of business fields', () => {
    const record = readBusinessFile(
      file('lake-street.yaml', 'name: Lake Street Tortillería\ncity: Minneapolis\nlanguages: en,es\ncontact_name: Rosa Delgado\n'),
    );
    expect(record).toEqual({ name: 'Lake Street Tortillería', city: 'Minneapolis', languages: 'en,es', contact_name: 'Rosa Delgado' });
  });

  it('keeps the leading zero of an unquoted postal code', () => {
    const record = readBusinessFile(file('newark.yaml', 'name: Joe\npostal_code: 07102\n'));
    expect(record.postal_code).toBe('07102');
  });

  it('keeps every scalar a string: numbers, booleans, dates and nulls are not converted', () => {
    const record = readBusinessFile(file('scalars.yaml', 'name: 1e3\nphone: 612\nregion: no\ncountry: yes\nid: 2026-01-01\ncity: ~\n'));
    expect(record).toEqual({ name: '1e3', phone: '612', region: 'no', country: 'yes', id: '2026-01-01', city: '~' });
  });

  it('lower-cases (and trims) keys so that Name, NAME and name are the same field', () => {
    const record = readBusinessFile(file('keys.yaml', 'Name: Phở Bình Minh\nPOSTAL_CODE: 70126\nContact_Name: Nguyễn Thị Lan\n'));
    expect(record).toEqual({ name: 'Phở Bình Minh', postal_code: '70126', contact_name: 'Nguyễn Thị Lan' });
  });

  it('reads a block list as an array of strings', () => {
    const record = readBusinessFile(file('areas.yaml', 'name: Xawaash Grill & Café\nprivate_areas:\n  - Kitchen\n  - Prayer room\n'));
    expect(record.private_areas).toEqual(['Kitchen', 'Prayer room']);
  });

  it('reads a flow list, and its numeric entries stay strings', () => {
    const record = readBusinessFile(file('flow.yaml', 'name: x\nprivate_areas: [Kitchen, 101]\n'));
    expect(record.private_areas).toEqual(['Kitchen', '101']);
  });

  it('reads text in many scripts and markup characters unchanged', () => {
    const name = `Joe's "Best" Pizza <&> Subs {{name}} مخبز الأندلس 金龍餐館`;
    const record = readBusinessFile(file('scripts.yaml', `name: '${name.replace(/'/g, "''")}'\n`));
    expect(record.name).toBe(name);
  });

  it('accepts the .yml extension', () => {
    expect(readBusinessFile(file('short.yml', 'name: Short\n'))).toEqual({ name: 'Short' });
  });

  it('gives malformed YAML as a UsageError naming the file', () => {
    const target = file('broken-quote.yaml', 'name: "unterminated\ncity: Chicago\n');
    const error = usageErrorFrom(target);
    expect(error.message).toContain(target);
    expect(error.message).toMatch(/line \d+, column \d+: a quote that opens a value is never closed/);
  });

  it('gives malformed YAML with the line and column of the mistake', () => {
    const error = usageErrorFrom(file('tab.yaml', 'name: Joe\n\tcity: Chicago\n'));
    expect(error.message).toMatch(/line 2, column 1: the line starts with a tab/);
  });

  it('rejects duplicate keys', () => {
    const error = usageErrorFrom(file('duplicate.yaml', 'name: One\nname: Two\n'));
    expect(error.message).toMatch(/line 2, column \d+: this field is given twice/);
  });

  it('rejects a top-level list with a UsageError naming the file', () => {
    const target = file('list.yaml', '- name: One\n- name: Two\n');
    const error = usageErrorFrom(target);
    expect(error.message).toContain(target);
    expect(error.message).toMatch(/expected one business as a mapping/);
  });

  it('rejects a file that holds only a string', () => {
    expect(usageErrorFrom(file('scalar.yaml', 'just a business name\n')).message).toMatch(/mapping/);
  });

  it('rejects an empty file', () => {
    expect(usageErrorFrom(file('empty.yaml', '')).message).toMatch(/mapping/);
  });
});

describe('readBusinessFile: JSON', () => {
  it('reads an object of business fields, keys lower-cased', () => {
    const record = readBusinessFile(
      file('b001.json', JSON.stringify({ Name: 'Lake Street Tortillería', City: 'Minneapolis', id: 'b001' })),
    );
    expect(record).toEqual({ name: 'Lake Street Tortillería', city: 'Minneapolis', id: 'b001' });
  });

  it('reads a JSON array as a list value', () => {
    const record = readBusinessFile(file('areas.json', '{"name": "x", "private_areas": ["Kitchen", "Office"]}'));
    expect(record.private_areas).toEqual(['Kitchen', 'Office']);
  });

  it('chooses JSON by extension regardless of case', () => {
    expect(readBusinessFile(file('upper.JSON', '{"name": "Upper"}'))).toEqual({ name: 'Upper' });
  });

  it('gives malformed JSON as a UsageError with file name, line and column', () => {
    const target = file('trailing-comma.json', '{\n  "name": "x",\n}\n');
    const error = usageErrorFrom(target);
    expect(error.message).toContain(target);
    expect(error.message).toContain('line 3, column 1');
    expect(error.message).toMatch(/not valid JSON/);
  });

  // On Node 20, JSON.parse's "Unexpected token" message has no position: the place must still be found.
  it('gives the line and column of an unexpected token (an unquoted value) in JSON', () => {
    const error = usageErrorFrom(file('unquoted.json', '{\n  "name": "x",\n  "city": oops\n}\n'));
    expect(error.message).toMatch(/line 3, column 11/);
  });

  it('rejects a top-level JSON array', () => {
    const target = file('rows.json', '[{"name": "One"}]');
    const error = usageErrorFrom(target);
    expect(error.message).toContain(target);
    expect(error.message).toMatch(/expected one business as a mapping/);
  });

  it('rejects JSON null', () => {
    expect(usageErrorFrom(file('null.json', 'null')).message).toMatch(/mapping/);
  });
});

describe('readBusinessFile: unreadable files', () => {
  it('gives a missing file as a UsageError naming it', () => {
    const target = path.join(dir, 'no-such-business.yaml');
    const error = usageErrorFrom(target);
    expect(error.message).toContain(target);
    expect(error.message).toMatch(/no such file/);
  });

  it('gives a folder as a UsageError naming it', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'folder-'));
    expect(usageErrorFrom(folder).message).toContain(folder);
  });
});

describe('readBusinessFile: field names', () => {
  it('matches keys without regard to case, and refuses the same field given twice', () => {
    expect(readBusinessFile(file('case.yaml', 'NAME: Joe\nContact_Name: Ana\n'))).toEqual({ name: 'Joe', contact_name: 'Ana' });
    const error = thrown(InputError, () => readBusinessFile(file('twice.yaml', 'Name: Joe\nname: Ann\n')));
    expect(error.problems[0]).toMatchObject({ field: 'name' });
    expect(error.message).toContain('given twice');
  });
});

describe('readBusinessFile: JSON keys', () => {
  it('refuses a field given twice, with its line and column', () => {
    const error = thrown(InputError, () => readBusinessFile(file('twice.json', '{\n  "name": "First",\n  "name": "Second"\n}\n')));
    expect(error.problems[0]).toMatchObject({ field: 'name', line: 3, column: 3 });
  });
});

describe('a business.yaml edited by hand (issue 14, item 6)', () => {
  it('warns, naming the line, when a comment cut a value short', () => {
    const { record, warnings } = readBusinessFileWithWarnings(
      file('hash.yaml', 'name: Deli\nstreet: 2200 Riverside Ave #4\ncity: Minneapolis # our city\n'),
    );
    expect(record).toEqual({ name: 'Deli', street: '2200 Riverside Ave', city: 'Minneapolis' });
    expect(warnings).toEqual([
      expect.stringContaining(
        'line 2: "street" reads as "2200 Riverside Ave": YAML takes "#4" as a comment. If it is part of the value, put the value in quotes: street: "2200 Riverside Ave #4"',
      ),
    ]);
  });

  it('reads the quoted value exactly, with no warning', () => {
    expect(readBusinessFileWithWarnings(file('quoted.yaml', 'name: Deli\nstreet: "2200 Riverside Ave #4"\n'))).toEqual({
      record: { name: 'Deli', street: '2200 Riverside Ave #4' },
      warnings: [],
    });
  });

  it('turns YAML errors into plain advice: put the value in quotes', () => {
    const colon = usageErrorFrom(file('colon.yaml', "name: Hodan's Halal Market: Groceries & Café\n"));
    expect(colon.message).toContain(
      'line 1, column 7: the value holds ": ", which YAML reads as the start of another field; put the value in quotes: name: "Hodan\'s Halal Market: Groceries & Café"',
    );
    expect(usageErrorFrom(file('quote.yaml', 'name: "Deli\n')).message).toContain('a quote that opens a value is never closed');
    expect(usageErrorFrom(file('tab.yaml', 'name: x\n\tcity: y\n')).message).toContain('line 2, column 1: the line starts with a tab');
    expect(usageErrorFrom(file('at.yaml', 'name: @deli\n')).message).toContain('a value cannot start with @ unless it is in quotes');
  });

  it('refuses a nested mapping instead of printing [object Object] (issue 15, item 25)', () => {
    const error = thrown(InputError, () => readBusinessFile(file('nested.yaml', 'name: {a: b}\n')));
    expect(error.problems[0]).toMatchObject({ field: 'name', message: expect.stringContaining('is a nested mapping') });
  });

  it('splits a comma-separated private_areas string into areas, as --set and CSV do', () => {
    const record = readBusinessFile(file('areas.yaml', 'name: Deli\nprivate_areas: Back room, Office\n'));
    const checked = validateBusiness(record, loadTemplate('private-areas').manifest, ['en']);
    expect(checked.ok && checked.business.private_areas).toEqual(['Back room', 'Office']);
  });
});
