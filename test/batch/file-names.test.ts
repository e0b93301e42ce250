import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileNamer, fileStem, slug } from '../../src/batch/file-names.js';

type Row = { id?: unknown; name?: unknown };

/** Names for rows handed to one namer in the given order of input positions; result indexed by input position. */
function namesInOrder(rows: readonly Row[], template = 'private-areas'): string[] {
  const namer = new FileNamer();
  return rows.map((record, index) => namer.name(index + 2, record, template));
}

describe('slug', () => {
  it('drops accents, spells out letters NFKD keeps, and joins words with single hyphens', () => {
    expect(slug("Joe's Café")).toBe('joe-s-cafe');
    expect(slug('  Lake Street Tortillería & Más!  ')).toBe('lake-street-tortilleria-mas');
    expect(slug('Phở Đà Nẵng')).toBe('pho-da-nang');
    expect(slug('Straße Bäckerei')).toBe('strasse-backerei');
    expect(slug('Smørrebrød Łódź')).toBe('smorrebrod-lodz');
    expect(slug('ＡＢＣ ﬁne')).toBe('abc-fine');
  });

  it('is empty when no Latin letter or digit is left', () => {
    expect(slug('金龍餐館')).toBe('');
    expect(slug('مطعم البيت')).toBe('');
    expect(slug('---')).toBe('');
  });

  it('cuts long names to at most 60 characters, at a hyphen when one is near', () => {
    const long = slug('The Very Long Name of a Family Restaurant and Bakery on the Corner of Main Street');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe('the-very-long-name-of-a-family-restaurant-and-bakery-on-the');
    expect(slug('x'.repeat(100))).toBe('x'.repeat(60));
  });
});

describe('fileStem', () => {
  it('never starts a file name with "-", which the next command would read as an option', () => {
    expect(namesInOrder([{ id: '-rf' }, { id: '--help' }, { name: '-x' }])).toEqual([
      'rf-private-areas.pdf',
      'help-private-areas.pdf',
      'x-private-areas.pdf',
    ]);
    fc.assert(
      fc.property(fc.string(), fc.string(), (id, name) => !namesInOrder([{ id, name }])[0]!.startsWith('-')),
      { seed: 15, numRuns: 300 },
    );
  });

  it('uses a safe id as given, and slugs an unsafe one', () => {
    expect(fileStem(2, { id: 'CITY-0042', name: 'Joe' })).toBe('CITY-0042');
    expect(fileStem(2, { id: 4711, name: 'Joe' })).toBe('4711');
    expect(fileStem(2, { id: '../etc/passwd', name: 'Joe' })).toBe('etc-passwd');
    expect(fileStem(2, { id: '.hidden', name: 'Joe' })).toBe('hidden');
    expect(fileStem(2, { id: 'a'.repeat(81), name: 'Joe' })).toBe('a'.repeat(60));
  });

  it('falls back to the name, then to a hash of a non-Latin name, then to the row number', () => {
    expect(fileStem(2, { id: '', name: "Joe's Cafe" })).toBe('joe-s-cafe');
    expect(fileStem(2, { id: '金龍', name: 'Golden Dragon' })).toBe('golden-dragon');
    const dragon = fileStem(2, { name: '金龍餐館' });
    expect(dragon).toMatch(/^n-[0-9a-f]{10}$/);
    expect(fileStem(900, { name: '金龍餐館' })).toBe(dragon);
    expect(fileStem(3, { name: '金龍餐館 ' })).toBe(dragon);
    expect(fileStem(2, { name: '金龍餐廳' })).not.toBe(dragon);
    expect(fileStem(7, {})).toBe('row-7');
    expect(fileStem(7, { name: '   ' })).toBe('row-7');
  });
});

describe('FileNamer', () => {
  it('gives two rows with the same name different files: the first keeps the plain name', () => {
    expect(namesInOrder([{ name: "Joe's Cafe" }, { name: 'Joe’s Café' }, { name: "JOE'S CAFE" }])).toEqual([
      'joe-s-cafe-private-areas.pdf',
      'joe-s-cafe-2-private-areas.pdf',
      'joe-s-cafe-3-private-areas.pdf',
    ]);
  });

  it('counts names that differ only in case as a collision (macOS and Windows)', () => {
    const names = namesInOrder([{ id: 'Joe' }, { id: 'joe' }, { id: 'JOE' }]);
    expect(names).toEqual(['Joe-private-areas.pdf', 'joe-2-private-areas.pdf', 'JOE-3-private-areas.pdf']);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(3);
  });

  it('never hands out a name an id already took, nor one it made itself', () => {
    expect(namesInOrder([{ name: 'Joe' }, { name: 'Joe' }, { id: 'joe-2' }, { id: 'joe-2-private-areas' }], 'x')).toEqual([
      'joe-x.pdf',
      'joe-2-x.pdf',
      'joe-2-2-x.pdf',
      'joe-2-private-areas-x.pdf',
    ]);
  });

  it('names each template of a row apart, so a packet of templates never collides with itself', () => {
    const namer = new FileNamer();
    expect(namer.name(2, { name: 'Ana' }, 'private-areas')).toBe('ana-private-areas.pdf');
    expect(namer.name(2, { name: 'Ana' }, 'staff-card')).toBe('ana-staff-card.pdf');
    expect(namer.name(2, { name: 'Ana' }, '../Weird Template')).toBe('ana-weird-template.pdf');
  });

  it('gives a row the same name however the rows are processed afterwards: names depend only on input order', () => {
    const rows: Row[] = [
      { name: 'A' },
      { name: 'B' },
      { name: 'A' },
      { name: 'a' },
      { id: 'B' },
      { name: '金龍餐館' },
      { name: '金龍餐館' },
    ];
    const first = namesInOrder(rows);
    // A second run over the same input gives the same names, whatever order workers later finish in.
    expect(namesInOrder(rows)).toEqual(first);
    // Rows after a row never change its name.
    expect(namesInOrder(rows.slice(0, 4))).toEqual(first.slice(0, 4));
  });

  it('never hands out a reserved name', () => {
    const namer = new FileNamer();
    namer.reserve('All-Private-Areas.pdf');
    expect(namer.name(2, { id: 'all' }, 'private-areas')).toBe('all-2-private-areas.pdf');
  });

  it('stays fast when thousands of rows share one name', () => {
    const rows = Array.from({ length: 5000 }, () => ({ name: 'Subway' }));
    const started = performance.now();
    const names = namesInOrder(rows);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(new Set(names).size).toBe(5000);
    expect(names[4999]).toBe('subway-5000-private-areas.pdf');
  });

  it('gives any list of rows distinct, safe file names (property)', () => {
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom("Joe's Cafe", 'JOE', 'joe', '金龍', '.', '..', 'a/b'),
      fc.integer(),
    );
    const row = fc.record({ id: fc.option(value, { nil: undefined }), name: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom('private-areas', 'Staff Card', '..'), (rows, template) => {
        const names = namesInOrder(rows, template);
        expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
        for (const name of names) {
          expect(name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.pdf$/);
          expect(Buffer.byteLength(name)).toBeLessThan(200);
        }
        expect(namesInOrder(rows, template)).toEqual(names);
        // A row's name depends only on the rows before it.
        expect(namesInOrder(rows.slice(0, rows.length >> 1), template)).toEqual(names.slice(0, rows.length >> 1));
      }),
      { numRuns: 300 },
    );
  });
});
