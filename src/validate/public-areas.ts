/**
 * Places a business keeps open to the public, which a notice must not list
 * as non-public (content.md fact 2: officers, like anyone, may enter areas
 * open to the public, such as a dining room, lobby, shop floor or parking
 * lot; a sign cannot close an area that is in fact open, and near a border
 * Border Patrol may enter private land other than homes without a warrant).
 *
 * Matched on whole words, in English and in the other languages a city's
 * spreadsheet most often carries (Spanish), so "Kitchen" or "Parking
 * attendant's office" pass and "Parking lot" or "Comedor" do not. The list
 * is short on purpose: only what content.md names, and words that mean
 * nothing else.
 */
const OPEN_TO_THE_PUBLIC: readonly (readonly [RegExp, string])[] = [
  [
    /^(?:customer |public |employee |staff |rear |back )?(?:parking(?: lot| area| garage| ramp| deck| structure| space| spaces)?|car park|lot)$/iu,
    'a parking lot',
  ],
  [/^(?:estacionamiento|aparcamiento|parqueadero|parqueo|cochera)\b/iu, 'a parking lot'],
  [
    /^(?:main )?(?:dining (?:room|area|hall)|seating area|lobby|foyer|waiting (?:room|area)|shop floor|sales floor|showroom|storefront)$/iu,
    'a room customers use',
  ],
  [/^(?:comedor|vestíbulo|sala de espera|área de comedor|piso de ventas)$/iu, 'a room customers use'],
];

/** Why this private_areas entry cannot be printed as non-public, or undefined when it may. */
export function publicAreaProblem(entry: string): string | undefined {
  const plain = entry.normalize('NFC').trim().replace(/\s+/gu, ' ');
  for (const [pattern, what] of OPEN_TO_THE_PUBLIC) {
    if (pattern.test(plain)) {
      return `"${plain}" looks like ${what}, which is open to the public; a notice cannot make it non-public. List only areas kept closed to the public, such as a kitchen, storeroom, office or break room`;
    }
  }
  return undefined;
}
