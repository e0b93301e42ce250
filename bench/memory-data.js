// Spreadsheets for the README's batch memory figures: rows cycling through five pairs of languages in
// different scripts (Latin, Arabic + Han, Hangul + Cyrillic, Myanmar + Bengali, Ethiopic + Latin), each row's
// name in its pair's scripts, from test/fixtures/script-names.json.
// Run: node bench/memory-data.js <rows> <file.csv>   then see README "Workers" for the batch commands.
import { readFileSync } from 'node:fs';
import { csvCell, rowsCommand } from './csv-rows.js';

const names = JSON.parse(readFileSync(new URL('../test/fixtures/script-names.json', import.meta.url), 'utf8'));
export const PAIRS = [
  ['en', 'es'],
  ['ar', 'zh-Hans'],
  ['ko', 'ru'],
  ['my', 'bn'],
  ['am', 'so'],
];

/** A CSV of `rows` businesses; row i uses pair i mod 5 for its `languages` and its name. */
export function mixedScriptRows(rows) {
  const header = 'id,name,languages,street,city,region,postal_code,phone,contact_name,contact_role,private_areas,card_line';
  const lines = [header];
  for (let i = 1; i <= rows; i++) {
    const [first, second] = PAIRS[(i - 1) % PAIRS.length];
    const name = `${[...new Set([names[first], names[second]])].join(' ')} ${i}`;
    const cells = [`b${i}`, name, `${first};${second}`, `${100 + i} Main Street, Suite ${1 + (i % 9)}`];
    cells.push('Springfield', 'IL', '62701', '217-555-0100', 'Rosa Delgado', 'Owner', 'Kitchen;Office', 'Know your rights');
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) rowsCommand('bench/memory-data.js', mixedScriptRows);
