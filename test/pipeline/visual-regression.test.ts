import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import type { PageSizeName } from '../../src/contract/page-sizes.js';
import { renderNotice } from '../../src/session/render-notice.js';
import { compareWithGolden, UPDATE_GOLDEN } from '../helpers/golden-images.js';
import { renderPage } from '../helpers/pdf-reader.js';

/**
 * A dozen reference notices, rendered at low resolution and compared with
 * the PNGs in test/pipeline/golden/. A change in how notices look fails
 * here; when the change is meant, look at the new images and commit them:
 * UPDATE_GOLDEN=1 npx vitest run test/pipeline/visual-regression.test.ts
 */
const DPI = 15;
/** Share of pixels allowed to differ (anti-aliasing and rasteriser noise, not a moved line of text). */
const TOLERANCE = 0.002;

const SHORT = ['name=Lake Street Tortillería', 'contact_name=Rosa Delgado', 'contact_role=Owner'];
const LONG = [
  'name=Cabdi Maxamed Halal Market & Somali Restaurant of Cedar-Riverside',
  'contact_name=Cabdi Maxamed Xasan',
  'street=1510 E Lake St',
  'city=Minneapolis',
  'region=MN',
  'postal_code=55407',
  'private_areas=Kitchen;Storage room;Office',
];

const CASES: [name: string, size: PageSizeName, languages: string[], sets: string[], page?: number][] = [
  ['letter-en', 'letter', ['en'], SHORT],
  ['letter-en-es', 'letter', ['en', 'es'], SHORT],
  ['letter-en-ar-long', 'letter', ['en', 'ar'], LONG],
  ['letter-en-my', 'letter', ['en', 'my'], SHORT],
  ['letter-en-ko', 'letter', ['en', 'ko'], LONG],
  ['letter-en-ur', 'letter', ['en', 'ur'], SHORT],
  ['letter-en-es-zh-Hans', 'letter', ['en', 'es', 'zh-Hans'], LONG],
  ['letter-en-es-ar-zh-Hans', 'letter', ['en', 'es', 'ar', 'zh-Hans'], SHORT],
  ['a4-en-vi-long', 'a4', ['en', 'vi'], LONG],
  ['tabloid-six', 'tabloid', ['en', 'es', 'zh-Hans', 'ar', 'ko', 'my'], SHORT],
  ['tabloid-en', 'tabloid', ['en'], LONG],
  ['tabloid-en-es-ar-zh-Hans', 'tabloid', ['en', 'es', 'ar', 'zh-Hans'], LONG],
];

describe('how reference notices look (golden PNGs)', () => {
  it.each(CASES)('%s matches its golden image', async (name, size, languages, sets) => {
    const { pdf } = await renderNotice({ template: 'private-areas', languages, size, sets });
    const image = await renderPage(pdf, 0, DPI);
    const file = fileURLToPath(new URL(`golden/${name}.png`, import.meta.url));
    const result = await compareWithGolden(image, file);
    expect(result.changed, result.note).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('the comparison', () => {
  it.skipIf(UPDATE_GOLDEN)('fails a notice whose contact line reads differently', async () => {
    const sets = SHORT.map((set) => (set.startsWith('contact_name=') ? 'contact_name=Ana María Delgado Ruiz' : set));
    const { pdf } = await renderNotice({ template: 'private-areas', languages: ['en'], size: 'letter', sets });
    const file = fileURLToPath(new URL('golden/letter-en.png', import.meta.url));
    const result = await compareWithGolden(await renderPage(pdf, 0, DPI), file);
    expect(result.changed).toBeGreaterThan(TOLERANCE);
  });
});
