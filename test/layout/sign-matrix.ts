// Issue #17 item 12: CI fails on any breach of the door-sign targets. Each
// door template has its own test file (sign-matrix-<template>.test.ts, so
// that they run in parallel) calling signMatrix: language sets (one, en+es,
// two with right-to-left and CJK, three and four) × Letter, A4 and tabloid,
// plus the hardest single languages on Letter, rendered in-process (one
// prepared session per paper; each record carries its languages) and
// measured on the PDF with the code `npm run gallery` uses
// (scripts/measure-sign.js). A breach fails unless measure-sign.js's EXCUSED
// list states a reason for that template, language set and paper.
import { describe, expect, it } from 'vitest';

import { breaches, excuse, measurePdf } from '../../scripts/measure-sign.js';
import { prepare } from '../../src/session/prepare.js';

const SIZES = ['letter', 'a4', 'tabloid'] as const;
const SETS = [['en'], ['en', 'es'], ['en', 'ar'], ['en', 'zh-Hans'], ['en', 'ur'], ['en', 'es', 'ar'], ['en', 'es', 'ar', 'zh-Hans']];
/** Single languages whose titles and key lines are hardest to set, on Letter only. */
const ALONE = [['tl'], ['ru'], ['ur'], ['my']];

const BUSINESS = {
  name: 'Cabdi Maxamed Halal Market of Cedar-Riverside',
  contact_name: 'Rosa Delgado',
  contact_role: 'Owner',
  street: '1510 E Lake St',
  city: 'Minneapolis',
  region: 'MN',
  postal_code: '55407',
  private_areas: 'Kitchen;Office',
  jurisdiction: 'City of Minneapolis',
  order_number: 'EO 2025-02',
};

/** The breaches of `template`'s notices in `languages` on `size` that no stated reason excuses, one line each. */
async function unexcused(render: ReturnType<typeof prepare>['render'], template: string, size: string, languages: readonly string[]) {
  const result = await render({ ...BUSINESS, languages: languages.join(',') });
  if (!result.ok) throw new Error(`${languages.join('+')}: ${result.problems.map((p) => p.message).join('; ')}`);
  const keyLine = template !== 'staff-only';
  const pages = await measurePdf(result.pdf, { keyLine });
  if (keyLine) expect(pages.every((page) => page.keyCapMm !== undefined)).toBe(true);
  return pages.flatMap((page, i) =>
    breaches(page, size)
      .filter((breach) => !excuse(breach, page, size, template))
      .map((breach) => `${languages.join('+')} page ${i + 1}: ${breach}`),
  );
}

export function signMatrix(template: string): void {
  describe(`${template} meets the #17 targets, measured on the PDF`, () => {
    for (const size of SIZES) {
      const sets = size === 'letter' ? [...SETS, ...ALONE] : SETS;
      it(`on ${size}: ${sets.map((set) => set.join('+')).join(', ')}`, async () => {
        const renderer = prepare({ template, size });
        const found: string[] = [];
        for (const languages of sets) found.push(...(await unexcused(renderer.render, template, size, languages)));
        expect(found).toEqual([]);
      });
    }
  });
}
