import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/templates/catalog.js';
import { validateBusiness } from '../../src/validate/business.js';
import { publicAreaProblem } from '../../src/validate/public-areas.js';

const manifest = loadTemplate('private-areas').manifest;

describe('private_areas never lists a place open to the public (content.md fact 2)', () => {
  it.each([
    'Parking lot',
    'parking',
    'Customer parking',
    'Employee Parking Lot',
    'car park',
    'Lobby',
    'Dining room',
    'sales floor',
    'Waiting  area',
    'Estacionamiento',
    'Comedor',
  ])('refuses "%s"', (entry) => {
    expect(publicAreaProblem(entry)).toMatch(/open to the public; a notice cannot make it non-public/);
  });

  // Every word each pattern starts with, in any case (and the long s, which folds to s).
  const parking = ['parking', 'parking lot', 'Parking Area', 'parking garage', 'parking ramp', 'parking deck', 'parking structure'];
  it.each([
    ...[...parking, 'parking space', 'parking spaces', 'car park', 'lot'].flatMap((place) =>
      ['', 'customer ', 'PUBLIC ', 'employee ', 'Staff ', 'rear ', 'back '].map((before) => `${before}${place}`),
    ),
    '\u017ftaff parking',
    'Estacionamiento',
    'aparcamiento',
    'PARQUEADERO',
    'parqueo',
    'cochera',
    ...['dining room', 'dining area', 'dining hall', 'seating area', 'lobby', 'foyer', 'waiting room', 'waiting area'].flatMap((place) => [
      place,
      `Main ${place}`,
    ]),
    ...['shop floor', 'sales floor', '\u017fhowroom', 'Storefront'].flatMap((place) => [place, `main ${place}`]),
    ...['comedor', 'Vestíbulo', 'sala de espera', 'área de comedor', 'ÁREA DE COMEDOR', 'piso de ventas'],
  ])('refuses every place each pattern names: "%s"', (entry) => {
    expect(publicAreaProblem(entry)).toMatch(/open to the public; a notice cannot make it non-public/);
  });

  it.each([
    'Kitchen',
    'Office',
    'Storage room',
    'Back room',
    'Parking attendant office',
    'Lot storage',
    'Lobby closet',
    'Cocina',
    'Dining room kitchen',
  ])('keeps "%s"', (entry) => {
    expect(publicAreaProblem(entry)).toBeUndefined();
  });

  it('names the field, the entry and what to list instead, for the row and for a per-language value', () => {
    const row = validateBusiness({ name: 'A', private_areas: 'Kitchen; Parking lot', 'private_areas.es': 'Cocina; Comedor' }, manifest, [
      'en',
      'es',
    ]);
    expect(row.ok).toBe(false);
    const problems = row.ok ? [] : row.problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ field: 'private_areas.es' });
    expect(problems[0]!.message).toContain('"Comedor" looks like a room customers use');
    expect(problems[1]).toMatchObject({ field: 'private_areas', value: 'Kitchen; Parking lot' });
    expect(problems[1]!.message).toContain('"Parking lot" looks like a parking lot');
    expect(problems[1]!.message).toContain('such as a kitchen, storeroom, office or break room (entry 2)');
  });
});
