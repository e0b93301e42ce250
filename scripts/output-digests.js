// A fingerprint of placard's output, to show that a change which should not
// change the output (a restructuring, a speed-up) changes no byte.
//
//   npm run build && node scripts/output-digests.js > /tmp/before.txt
//   (change the code)
//   npm run build && node scripts/output-digests.js > /tmp/after.txt
//   diff /tmp/before.txt /tmp/after.txt     # empty: no byte changed
//
// Renders every template and packet in several language sets (Latin, Arabic,
// CJK, Burmese, Urdu), on every size each allows, in every arrangement, with a
// short and a long business, with and without --bleed and report_url, and a
// batch with --combined; prints one "sha256  label" line per output.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNotice } from '../dist/session/render-notice.js';

const root = new URL('..', import.meta.url).pathname;
const TEMPLATES = ['private-areas', 'home', 'property-use', 'public-property', 'rights-cards', 'staff-only', 'staff-sheet'];
const PACKETS = ['business-packet', 'city-packet', 'home-packet'];
const SIZES = ['letter', 'a4', 'legal', 'tabloid', 'half-letter', 'decal'];
const SETS = [['en'], ['en', 'es'], ['en', 'ar'], ['en', 'zh-Hans', 'ko'], ['en', 'my', 'ur', 'es']];
const ARRANGES = [undefined, 'stacked', 'columns', 'pages', 'duplex'];
const BUSINESS = [
  'name=Lake Street Tortillería',
  'contact_name=Rosa Delgado',
  'contact_role=Owner',
  'phone=612-555-0142',
  'contact_phone=612-555-0143',
  'backup_contact=Luis Ortega',
  'street=1510 E Lake St',
  'city=Minneapolis',
  'region=MN',
  'postal_code=55407',
  'private_areas=Kitchen;Office',
  'order_number=EO 2025-3',
  'household_line=The Warsame family',
  'card_line=Unidos MN hotline 612-555-0100',
  'jurisdiction=City of Minneapolis',
];
const LONG = ['name=Cabdi Maxamed Halal Market & Somali Restaurant of Cedar-Riverside (Rear Entrance)', 'contact_name=Cabdi Maxamed Xasan'];

const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');
const lines = [];
const record = async (label, request) => {
  try {
    const { pdf } = await renderNotice({ sourceDateEpoch: 1764547200, ...request });
    lines.push(`${sha(pdf)}  ${label}`);
  } catch (error) {
    lines.push(`${sha(String(error.message))}  ${label} (refused)`);
  }
};

for (const template of [...TEMPLATES, ...PACKETS]) {
  for (const size of SIZES) {
    for (const languages of SETS) {
      for (const arrange of ARRANGES) {
        if (arrange && languages.length === 1) continue;
        await record(`${template} ${size} ${languages.join(',')} ${arrange ?? 'auto'}`, {
          template,
          languages,
          size,
          arrange,
          sets: BUSINESS,
        });
      }
    }
  }
  await record(`${template} letter en,ar long`, { template, languages: ['en', 'ar'], size: 'letter', sets: [...BUSINESS, ...LONG] });
  await record(`${template} letter en,es bleed 3 report_url`, {
    template,
    languages: ['en', 'es'],
    size: 'letter',
    bleed: 3,
    sets: [...BUSINESS, 'report_url=https://example.org/report'],
  });
}

// The batch runner and its combined file, through the real binary.
const out = mkdtempSync(join(tmpdir(), 'placard-digests-'));
try {
  execFileSync(
    process.execPath,
    [
      join(root, 'bin/placard.js'),
      'batch',
      'private-areas',
      '--data',
      join(root, 'test/fixtures/businesses.csv'),
      '--out-dir',
      out,
      '--combined',
      join(out, 'all.pdf'),
      '--jobs',
      '2',
    ],
    { stdio: 'ignore' },
  );
} catch {
  // Exit 1 (a bad row in the fixture) still writes the good rows.
}
for (const file of readdirSync(out).sort()) {
  if (file.endsWith('.pdf')) lines.push(`${sha(readFileSync(join(out, file)))}  batch ${file}`);
}
rmSync(out, { recursive: true, force: true });
process.stdout.write(`${lines.join('\n')}\n`);
