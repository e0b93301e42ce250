// A contact sheet of notices, for a person to look at: every locale with
// English, some 3-, 4- and 6-language sets, on every paper size.
//
//   npm run gallery [-- DIR] [--sizes letter,tabloid] [--dpi 40]
//
// Writes one PDF per notice, a PNG of each page (with pdftoppm, when poppler
// is installed), index.html showing them all with their labels, and
// errors.txt listing the sets that do not fit and why, and measures.txt:
// per page, measured on the PDF (scripts/measure-sign.js), the key line's
// and title's cap heights, h1/h2/body ratios, the last-line words of titles
// and key lines, blank area and the smallest type, with a summary of every
// breach of issue #17's targets (and, apart, the breaches measure-sign.js's
// EXCUSED list states a reason for). DIR defaults to /tmp/placard-gallery.
//
//   --templates private-areas,home   door templates to render (default: private-areas;
//                                    the door templates: `node bin/placard.js templates list`)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderNotice } from '../dist/session/render-notice.js';
import { breaches, excuse, measurePdf } from './measure-sign.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const sizes = option('--sizes', 'letter,a4,legal,tabloid').split(',');
const dpi = Number(option('--dpi', '40'));
const templates = option('--templates', 'private-areas').split(',');
const out = args[0] ?? '/tmp/placard-gallery';

const locales = readdirSync(new URL('../locales/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'en')
  .map((entry) => entry.name)
  .sort();
const SETS = [
  ['en'],
  ...locales.map((code) => ['en', code]),
  ['en', 'es', 'zh-Hans'],
  ['en', 'ar', 'vi'],
  ['en', 'so', 'am'],
  ['en', 'ko', 'my'],
  ['en', 'es', 'ar', 'zh-Hans'],
  ['en', 'ur', 'bn', 'pa'],
  ['es', 'zh-Hant', 'tl', 'vi'],
  ['en', 'fa', 'ru', 'ht'],
  ['en', 'es', 'zh-Hans', 'ar', 'ko', 'my'],
];
const BUSINESSES = [
  {
    label: 'short',
    sets: [
      'name=Lake Street Tortillería',
      'contact_name=Rosa Delgado',
      'contact_role=Owner',
      'jurisdiction=City of Minneapolis',
      'order_number=EO 2025-02',
    ],
  },
  {
    label: 'long',
    sets: [
      'name=Cabdi Maxamed Halal Market & Somali Restaurant of Cedar-Riverside',
      'contact_name=Cabdi Maxamed Xasan',
      'contact_role=Owner',
      'street=1510 E Lake St',
      'city=Minneapolis',
      'region=MN',
      'postal_code=55407',
      'private_areas=Kitchen;Storage room;Office',
      'jurisdiction=Minneapolis Park and Recreation Board',
      'order_number=Executive Order 2025-02',
      'property_id=Cedar-Riverside Center (Rear Entrance)',
    ],
  },
];

const LONG_PAIRS = new Set(['ar', 'my', 'ko', 'ur', 'so', 'zh-Hans']);

mkdirSync(out, { recursive: true });
const pdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const pngs = (base) =>
  readdirSync(out)
    .filter((file) => file.startsWith(`${base}-`) && file.endsWith('.png'))
    .sort();
const tiles = [];
const errors = [];
const measures = [];
const failures = [];
const excused = [];
for (const template of templates)
  for (const size of sizes) {
    for (const languages of SETS) {
      // The long business with English alone, the bigger sets and the pairs most likely to break: enough to see names wrap.
      const businesses = languages.length !== 2 || LONG_PAIRS.has(languages[1]) ? BUSINESSES : BUSINESSES.slice(0, 1);
      for (const business of businesses) {
        const arranges = languages.length >= 3 ? [undefined, 'pages'] : [undefined];
        for (const arrange of arranges) {
          const label = `${templates.length > 1 ? `${template} ` : ''}${size} ${languages.join(',')} ${business.label}${arrange ? ` ${arrange}` : ''}`;
          const base = label.replaceAll(/[ ,]/g, '_');
          try {
            const { pdf, pageCount, warnings } = await renderNotice({ template, languages, size, sets: business.sets, arrange });
            writeFileSync(join(out, `${base}.pdf`), pdf);
            if (pdftoppm) execFileSync('pdftoppm', ['-r', String(dpi), '-png', join(out, `${base}.pdf`), join(out, base)]);
            tiles.push({ label, base, pageCount });
            const stated = warnings.filter((w) => /reads at the door/u.test(w.message)).map((w) => w.message);
            const pages = await measurePdf(pdf, { keyLine: template !== 'staff-only' });
            for (const [i, page] of pages.entries()) {
              const png = pngs(base)[i];
              const blank = pdftoppm && png ? await blankShare(png) : undefined;
              measures.push(measureLine(`${label} p${i + 1}`, page, blank));
              for (const breach of breaches(page, size)) {
                const reason = excuse(breach, page, size, template);
                if (reason) excused.push(`${label} p${i + 1}: ${breach} (${reason})`);
                else failures.push(`${label} p${i + 1}: ${breach}${stated.length > 0 ? ` (stated: ${stated.join('; ')})` : ''}`);
              }
            }
          } catch (error) {
            errors.push(`${label}: ${error.message}`);
          }
        }
      }
    }
    process.stdout.write(`${size}: done\n`);
  }

const escape = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const html = `<!doctype html><meta charset="utf-8"><title>placard gallery</title>
<style>body{font:12px sans-serif;background:#888}figure{display:inline-block;margin:6px;vertical-align:top;background:#fff;padding:4px}
img{display:block;border:1px solid #ccc;margin-bottom:2px}pre{background:#fff;padding:8px;white-space:pre-wrap}</style>
<h1>placard gallery: ${tiles.length} notices, ${errors.length} that do not fit</h1>
${tiles
  .map(
    (tile) =>
      `<figure>${pngs(tile.base)
        .map((png) => `<img src="${png}" alt="">`)
        .join('')}<figcaption>${escape(tile.label)}</figcaption></figure>`,
  )
  .join('\n')}
<h2>Do not fit</h2><pre>${escape(errors.join('\n'))}</pre>`;
writeFileSync(join(out, 'index.html'), html);
const sheets = pdftoppm ? await contactSheets() : [];
writeFileSync(join(out, 'errors.txt'), `${errors.join('\n')}\n`);
writeFileSync(
  join(out, 'measures.txt'),
  `${measures.join('\n')}\n\nFailures (${failures.length}):\n${failures.join('\n')}\n\nExcused, with a stated reason (${excused.length}):\n${excused.join('\n')}\n`,
);
process.stdout.write(
  `${measures.length} pages measured (measures.txt); ${excused.length} excused breaches; ${failures.length} breaches of the targets${failures.length > 0 ? `:\n  ${failures.slice(0, 40).join('\n  ')}${failures.length > 40 ? '\n  …' : ''}` : ''}\n`,
);
process.stdout.write(
  `${tiles.length} notices in ${out}${pdftoppm ? '' : ' (no pdftoppm: PDFs only)'}; ${errors.length} did not fit (errors.txt); open ${join(out, 'index.html')}${sheets.length > 0 ? ` or ${sheets.join(', ')}` : ''}\n`,
);

/** One PNG per paper size with every first page on it, labelled (needs @napi-rs/canvas, a devDependency). */
async function contactSheets() {
  let canvasModule;
  try {
    canvasModule = await import('@napi-rs/canvas');
  } catch {
    return [];
  }
  const { createCanvas, loadImage } = canvasModule;
  const written = [];
  for (const size of sizes) {
    const firsts = tiles.filter((tile) => tile.label.startsWith(`${size} `)).map((tile) => ({ tile, png: pngs(tile.base)[0] }));
    const images = await Promise.all(
      firsts.filter((one) => one.png).map(async (one) => ({ ...one, image: await loadImage(join(out, one.png)) })),
    );
    if (images.length === 0) continue;
    const width = Math.max(...images.map((one) => one.image.width)) + 8;
    const height = Math.max(...images.map((one) => one.image.height)) + 22;
    const across = Math.ceil(Math.sqrt(images.length * 1.5));
    const canvas = createCanvas(across * width, Math.ceil(images.length / across) * height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#888888';
    context.fillRect(0, 0, canvas.width, canvas.height);
    images.forEach(({ tile, image }, i) => {
      const x = (i % across) * width + 4;
      const y = Math.floor(i / across) * height + 4;
      context.drawImage(image, x, y);
      context.fillStyle = '#000000';
      context.font = '11px sans-serif';
      context.fillText(tile.label.slice(size.length + 1), x, y + image.height + 13, width - 8);
    });
    const file = join(out, `sheet-${size}.png`);
    writeFileSync(file, canvas.toBuffer('image/png'));
    written.push(file);
  }
  return written;
}

/** One page's measurements on one line. */
function measureLine(label, page, blank) {
  const mm = (value) => (value === undefined ? '-' : `${value.toFixed(1)}mm`);
  const ratios = page.ratios
    .filter((r) => r.h1h2 !== undefined || r.h2body !== undefined)
    .map((r) => `${r.script} ${r.h1h2?.toFixed(2) ?? '-'}/${r.h2body?.toFixed(2) ?? '-'}`)
    .join(' ');
  const last = (lines) => lines.map((line) => line.words).join(',') || '-';
  return [
    label,
    `key ${mm(page.keyCapMm)}`,
    `title ${mm(page.titleCapMm)}`,
    `h1/h2 h2/body ${ratios || '-'}`,
    `last words title ${last(page.titleLast)} key ${last(page.keyLast)}`,
    `blank ${blank === undefined ? '-' : `${Math.round(blank * 100)}%`}`,
    `min ${page.minSize?.toFixed(1) ?? '-'}pt`,
  ].join(' | ');
}

/** The share of a page's rendered rows (inside 5% top and bottom) with no ink: how much of the sign is empty bands. */
async function blankShare(png) {
  try {
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    const image = await loadImage(join(out, png));
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const from = Math.floor(image.height * 0.05);
    const to = Math.ceil(image.height * 0.95);
    let blank = 0;
    for (let y = from; y < to; y++) {
      let ink = false;
      for (let x = 0; x < image.width && !ink; x++) ink = data[(y * image.width + x) * 4] < 200;
      if (!ink) blank++;
    }
    return blank / Math.max(1, to - from);
  } catch {
    return undefined;
  }
}
