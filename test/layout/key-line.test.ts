import { describe, expect, it } from 'vitest';

import { floorsFor, relaxed, relaxFloors, shortfallMessage, shortfallOf } from '../../src/layout/key-line.js';
import { DEFAULT_THEME, pageTheme, sizeForCap, themeSchema } from '../../src/layout/theme.js';

const theme = pageTheme(themeSchema.parse({ ...DEFAULT_THEME, key_line: { cap_mm: [8.5, 6], title_cap_mm: [18, 12] } }), 'letter');

describe('key-line floors', () => {
  it('asks the listed sizes of one and two languages, and aims softly at the two-language key line past the list', () => {
    expect(floorsFor(theme, 2, true)).toEqual({ key: sizeForCap(6), title: sizeForCap(12) });
    expect(floorsFor(theme, 4, true)).toEqual({ key: sizeForCap(6), title: 0, soft: true });
    expect(floorsFor(theme, 4, false)).toEqual({ key: 0, title: 0 });
  });

  it('lets the title give way before the key line', () => {
    const floors = floorsFor(theme, 1, true);
    const tried = relaxed(floors, 0.8);
    expect(tried.key / floors.key).toBeCloseTo(0.8, 6);
    expect(tried.title / floors.title).toBeCloseTo(0.64, 6);
  });

  it('finds the largest share that fits to within 5%, in four fits', () => {
    const floors = floorsFor(theme, 1, true);
    const shares: number[] = [];
    const found = relaxFloors(floors, (tried) => {
      shares.push(tried.key / floors.key);
      return tried.key <= floors.key * 0.77 ? tried : undefined;
    });
    expect(shares).toHaveLength(4);
    expect(found!.tried.key / floors.key).toBeGreaterThan(0.72);
    expect(found!.tried.key / floors.key).toBeLessThanOrEqual(0.77);
  });

  it('takes the same share from a hint in fewer fits, and from a wrong hint too', () => {
    const floors = floorsFor(theme, 1, true);
    const fitsUpTo = (limit: number) => (tried: typeof floors) => (tried.key <= floors.key * limit ? tried : undefined);
    const plain = relaxFloors(floors, fitsUpTo(0.77))!;
    expect(plain.hint).toBeDefined();
    let fits = 0;
    const hinted = relaxFloors(floors, (tried) => (fits++, fitsUpTo(0.77)(tried)), plain.hint);
    expect(hinted!.tried).toEqual(plain.tried);
    expect(fits).toBeLessThanOrEqual(2);
    for (const limit of [0.62, 0.9, 0.99]) {
      const fresh = relaxFloors(floors, fitsUpTo(limit))!;
      expect(relaxFloors(floors, fitsUpTo(limit), plain.hint)!.tried).toEqual(fresh.tried);
    }
    expect(relaxFloors(floors, (tried) => (tried.key === 0 ? 'fits' : undefined), plain.hint)?.tried).toEqual({ key: 0, title: 0 });
  });

  it('falls back to no floors, and to nothing when the page does not fit at all', () => {
    const floors = floorsFor(theme, 1, true);
    expect(relaxFloors(floors, (tried) => (tried.key === 0 ? 'fits' : undefined))?.tried).toEqual({ key: 0, title: 0 });
    expect(relaxFloors(floors, () => undefined)).toBeUndefined();
  });

  it('warns about a soft shortfall with the paper or the arrangement that meets it', () => {
    const floors = floorsFor(theme, 4, true);
    const shortfall = shortfallOf(floors, relaxed(floors, 0.6), { page: 1, size: 'letter', languages: 4, fitsOn: 'tabloid' });
    expect(shortfall.soft).toBe(true);
    expect(shortfallMessage(shortfall, { chosePages: false })).toBe(
      '4 languages on one letter page print the key line 3.6 mm tall (capitals; 6 mm reads at the door); --arrange pages (one language per page) or --size tabloid meets it',
    );
  });
});
