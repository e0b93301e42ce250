// A spreadsheet whose rows differ as a city's do: business names, streets and contacts drawn from lists of words
// (some with accented Latin letters), so that notices differ in their letters, not only in their numbers as the
// bench's rows do (bench/placard-runs.js writeRows). Each notice then tends to have a set of glyphs of its own, and
// its embedded fonts are subset and compressed again (README "Performance": 1,000 rows en+es had 1,402 sets where
// the bench's rows have 203). The same rows every time (a fixed seed).
// Run: node bench/varied-names.js <rows> <file.csv>
//   then: placard batch private-areas --data <file.csv> --out-dir out --lang en,es --jobs 1
import { csvCell, rowsCommand } from './csv-rows.js';

const WORDS = (
  'Lake Street Tortillería Xawaash Grill Café Pho Saigon Bakery Mercado Central Hmong Village Kitchen ' +
  'Barber Shop Quality Auto Repair Golden Dragon Taquería El Sol Halal Market Nail Spa Dry Cleaners ' +
  'Uptown Books Hardware Pizza Deli Fresh Foods Jerusalem Cedar Tire Family Dental Queen Sheba Coffee ' +
  'Roasters Zamzam Yum Noodle Kebab Joe Laundromat Express Beauty Salon Ñandú García Müller Østergaard ' +
  'Wok Jade Vietnamese Oaxaca Kwik Fix Quick Zeta Vega Xpress Jiffy Wings Bánh Mì Tienda Ocho Iglesias ' +
  'Phở Việt'
).split(' ');
const FIRST = ['Rosa', 'Abdi', 'Mai', 'Jorge', 'Fatima', 'Tou', 'Linh', 'Carlos', 'Amina', 'Peter', 'Xiong', 'Quinn', 'Yusuf', 'Zara'];
const LAST = ['Delgado', 'Warsame', 'Vang', 'Hernández', 'Nguyen', 'Ali', 'Johnson', 'Lee', 'Thao', 'Mohamed', 'Ortiz', 'Yang'];
const KINDS = ['St', 'Ave', 'Blvd', 'Rd'];

/** A CSV of `rows` businesses with names, streets and contacts of varied letters, the same for the same `rows`. */
export function variedNameRows(rows) {
  let seed = 7;
  const pick = (list) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return list[seed % list.length];
  };
  const lines = ['id,name,street,city,region,postal_code,contact_name,contact_role,private_areas'];
  for (let i = 1; i <= rows; i++) {
    const words = pick([2, 3]);
    const name = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    const street = `${100 + ((i * 37) % 9000)} ${pick(WORDS)} ${pick(KINDS)}`;
    const cells = [`b${i}`, name, street, 'Minneapolis', 'MN', `55${String((i * 7) % 1000).padStart(3, '0')}`];
    cells.push(`${pick(FIRST)} ${pick(LAST)}`, 'Manager', 'Kitchen;Office');
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) rowsCommand('bench/varied-names.js', variedNameRows);
