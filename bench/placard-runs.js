// placard as a user runs it: whole `node bin/placard.js …` processes, timed from outside.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvCell } from './csv-rows.js';
import { timedOk } from './stats.js';

/** PLACARD_BIN points the bench at another checkout's bin/placard.js (built), e.g. /work/main's. */
export const PLACARD_BIN = resolve(process.env.PLACARD_BIN ?? fileURLToPath(new URL('../bin/placard.js', import.meta.url)));

export const VARIANTS = {
  'en-es': { lang: 'en,es', name: 'Lake Street Tortillería', typst: 'en-es' },
  'ar-zh': { lang: 'ar,zh-Hans', name: 'مخبز الأندلس 福满楼', typst: 'ar-zh' },
};

/** A CSV of `rows` businesses, each with a different name and address, as a city sheet would have. */
export function writeRows(file, variant, rows) {
  const lines = ['id,name,street,city,region,postal_code,contact_name,contact_role,private_areas'];
  for (let i = 1; i <= rows; i++) {
    const cells = [`b${i}`, `${VARIANTS[variant].name} ${i}`, `${100 + i} Main Street, Suite ${1 + (i % 9)}`];
    cells.push('Springfield', 'IL', '62701', 'Rosa Delgado', 'Owner', 'Kitchen;Office');
    lines.push(cells.map(csvCell).join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/**
 * One `placard batch` over a CSV into a fresh folder: { ms, peakKb }. variant null: the rows' own languages.
 * keep: leave the output folder for the caller to read. `--jobs 1` runs pinned to one core (taskset -c 0), as Typst does; more jobs get the machine's cores.
 */
export async function batch(csv, variant, jobs, outDir, { template = 'private-areas', combined, keep = false } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  const args = ['batch', template, '--data', csv, '--out-dir', outDir];
  if (variant) args.push('--lang', VARIANTS[variant].lang);
  if (combined) args.push('--combined', `${outDir}-${combined}`);
  const result = await timedOk(process.execPath, [PLACARD_BIN, ...args, '--jobs', String(jobs), '--quiet'], { pin: jobs === 1 });
  if (!keep) rmSync(outDir, { recursive: true, force: true });
  if (combined) rmSync(`${outDir}-${combined}`, { force: true });
  return result;
}

/** One notice from a cold start: the whole `placard render` process. */
export async function coldRender(variant, dir, { machineEnv = false } = {}) {
  mkdirSync(dir, { recursive: true });
  const sets = [`name=${VARIANTS[variant].name} 1`, 'street=101 Main Street, Suite 2', 'city=Springfield'];
  sets.push('region=IL', 'postal_code=62701', 'contact_name=Rosa Delgado', 'contact_role=Owner', 'private_areas=Kitchen;Office');
  const args = ['render', 'private-areas', '--lang', VARIANTS[variant].lang, ...sets.flatMap((s) => ['--set', s])];
  return timedOk(process.execPath, [PLACARD_BIN, ...args, '--output', join(dir, `placard-${variant}.pdf`)], { pin: true, machineEnv });
}

export const version = () => timedOk(process.execPath, [PLACARD_BIN, '--version'], { pin: true });

/** The pages one business-packet PDF of a row has, read from the batch's output (for ms per page). */
export function pagesPerPacket(outDir) {
  const pdf = readdirSync(outDir).find((name) => name.endsWith('.pdf'));
  return pdf ? (readFileSync(join(outDir, pdf), 'latin1').match(/\/Type\s*\/Page\b/g) ?? []).length : NaN;
}
