import { describe, expect, it } from 'vitest';

import { PAGE_SIZES } from '../../src/contract/page-sizes.js';
import { renderNotice } from '../../src/session/render-notice.js';
import { readPdf } from '../helpers/pdf-reader.js';

describe('paper sizes', () => {
  it('are exact: half-letter is 5.5 × 8.5 in and decal 4 × 4 in', () => {
    expect(PAGE_SIZES['half-letter']).toEqual({ width: 5.5 * 72, height: 8.5 * 72 });
    expect(PAGE_SIZES.decal).toEqual({ width: 4 * 72, height: 4 * 72 });
  });

  it.each([
    ['half-letter', 396, 612],
    ['decal', 288, 288],
  ] as const)('print the staff-only sign on %s, both languages on one page', async (size, width, height) => {
    const rendered = await renderNotice({ template: 'staff-only', languages: ['en', 'es'], size, sets: ['name=Taqueria El Sol'] });
    const facts = await readPdf(rendered.pdf);
    expect(facts.pageCount).toBe(1);
    expect(facts.pages[0]).toMatchObject({ width, height });
    const text = facts.text.replace(/\s+/g, ' ');
    expect(text).toContain('Employees only');
    expect(text).toContain('Solo empleados');
  });

  it('refuse the door notice on a decal, which cannot hold it, naming the sizes it supports', async () => {
    await expect(renderNotice({ template: 'private-areas', size: 'decal', sets: ['name=X'] })).rejects.toThrow(
      /does not support --size decal/,
    );
  });
});
