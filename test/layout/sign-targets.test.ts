// Issue #17's targets for door signs, measured on the PDF as a reader would
// see it (scripts/measure-sign.js, also used by `npm run gallery`): key line
// and title cap heights, h1 : h2 : body ≥ 1.3 per script, and no short last
// line on a title or key line. A representative subset, rendered in-process.
import { describe, expect, it } from 'vitest';

import { breaches, measurePdf, type MeasuredPage } from '../../scripts/measure-sign.js';
import { renderNotice } from '../../src/session/render-notice.js';

const BUSINESS = ['name=Lake Street Tortillería', 'contact_name=Rosa Delgado', 'contact_role=Owner', 'private_areas=Kitchen;Office'];
const LONG = ['name=Cabdi Maxamed Halal Market & Somali Restaurant of Cedar-Riverside', 'contact_name=Cabdi Maxamed Xasan'];

async function measured(template: string, languages: string[], size: string, sets: string[], keyLine = true) {
  const notice = await renderNotice({ template, languages, size: size as 'letter', sets });
  return { notice, pages: await measurePdf(notice.pdf, { keyLine }) };
}

const failures = (pages: readonly MeasuredPage[], size: string) =>
  pages.flatMap((page, i) => breaches(page, size).map((b) => `page ${i + 1}: ${b}`));

describe('door signs meet the legibility targets, measured on the PDF', () => {
  const cases: [string, string[], string, string[]][] = [
    ['private-areas', ['en'], 'letter', BUSINESS],
    ['private-areas', ['en', 'es'], 'letter', BUSINESS],
    ['private-areas', ['en', 'es'], 'tabloid', LONG],
    ['private-areas', ['en', 'zh-Hans'], 'letter', LONG],
    ['home', ['en', 'es'], 'letter', []],
    ['property-use', ['en', 'so'], 'letter', ['name=Cedar-Riverside Community Center']],
  ];
  for (const [template, languages, size, sets] of cases) {
    it(`${template} ${languages.join('+')} on ${size}`, async () => {
      const { pages } = await measured(template, languages, size, sets);
      expect(failures(pages, size)).toEqual([]);
      expect(pages[0]!.keyCapMm).toBeGreaterThan(0);
    });
  }

  it('staff-only keeps h1 over h2 over body by 1.3 in two languages', async () => {
    const { pages } = await measured('staff-only', ['en', 'tl'], 'letter', ['name=Lake Street Tortillería'], false);
    expect(failures(pages, 'letter')).toEqual([]);
  });

  it('puts one language per page, and says so, when two cannot keep the key line on one page', async () => {
    const { notice, pages } = await measured('private-areas', ['en', 'my'], 'letter', BUSINESS);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.keyCapMm).toBeGreaterThanOrEqual(8.45);
    // Placard chose the pages, so the smaller one-page sign it would have printed is not laid out: the warning names the sizes it missed.
    expect(notice.warnings.map((w) => w.message).join('\n')).toMatch(
      /2 languages on one letter page cannot keep the key line 6 mm tall and the title \d+(\.\d)? mm \(capitals; 6 mm reads at the door\), so each language has its own page \(--arrange pages\); --size legal keeps them on one page/u,
    );
  });

  it('keeps four languages on one page, and names the paper that keeps the two-language key line', async () => {
    const { notice, pages } = await measured('private-areas', ['en', 'es', 'ar', 'zh-Hans'], 'letter', BUSINESS);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.keyCapMm).toBeGreaterThan(3.5);
    expect(notice.warnings.map((w) => w.message).join('\n')).toMatch(
      /4 languages on one letter page print the key line \d\.\d mm tall \(capitals; 6 mm reads at the door\); --arrange pages \(one language per page\) or --size tabloid meets it/u,
    );
  });

  it('puts one language per page, and says so, when two do not fit one page at all', async () => {
    const { notice, pages } = await measured('private-areas', ['en', 'ur'], 'letter', BUSINESS);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.keyCapMm).toBeGreaterThanOrEqual(8.45);
    expect(notice.warnings.map((w) => w.message).join('\n')).toMatch(
      /2 languages on one letter page cannot keep the key line 6 mm tall .*, so each language has its own page \(--arrange pages\)$/mu,
    );
    // No larger paper keeps them on one page: tabloid asks 8.5 mm of a two-language key line, and prints them on two pages too.
    expect(notice.warnings.map((w) => w.message).join('\n')).not.toMatch(/keeps them on one page/u);
    const tabloid = await measured('private-areas', ['en', 'ur'], 'tabloid', BUSINESS);
    expect(tabloid.pages).toHaveLength(2);
  });
});
