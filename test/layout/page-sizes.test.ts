import { describe, expect, it } from 'vitest';

import { PAGE_SIZES } from '../../src/layout/page-sizes.js';
import { renderNotice } from '../../src/session/render-notice.js';
import { readPdf } from '../helpers/pdf-reader.js';

describe('paper sizes', () => {
  it('are exact: half-letter is 5.5 × 8.5 in and decal 4 × 4 in', () => {
    expect(PAGE_SIZES['half-letter']).toEqual({ width: 5.5 * 72, height: 8.5 * 72 });
    expect(PAGE_SIZES.decal).toEqual({ width: 4 * 72, height: 4 * 72 });
  });

  it('print the door notice on half-letter, both languages on one page', async () => {
    const rendered = await renderNotice({
      template: 'private-areas',
      languages: ['en', 'es'],
      size: 'half-letter',
      sets: ['name=Taqueria El Sol'],
    });
    const facts = await readPdf(rendered.pdf);
    expect(facts.pageCount).toBe(1);
    expect(facts.pages[0]).toMatchObject({ width: 396, height: 612 });
    expect(facts.text).toContain('Private area');
    expect(facts.text).toContain('Área privada');
  });

  it('refuse the door notice on a decal, which cannot hold it, naming the sizes it supports', async () => {
    await expect(renderNotice({ template: 'private-areas', size: 'decal', sets: ['name=X'] })).rejects.toThrow(
      /does not support --size decal/,
    );
  });
});
