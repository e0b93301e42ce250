import { describe, expect, it } from 'vitest';
import { renderNotice } from '../../src/session/render-notice.js';
import type { RenderRequest } from '../../src/contract/public-api.js';

const target: RenderRequest = {
  template: 'private-areas',
  languages: ['en', 'ar'],
  sets: ['name=مخبز Acme 24', 'contact_name=Ana', 'private_areas=Kitchen;Office'],
};

describe('determinism', () => {
  it('gives the same bytes for the same notice, whatever the process rendered before it', async () => {
    const first = (await renderNotice(target)).pdf;
    // Other notices warm the process-wide caches (fonts, shaping, layout, QR) in another order.
    for (const languages of [['zh-Hant', 'en'], ['my'], ['es', 'vi', 'ko'], ['fa', 'ur']]) {
      await renderNotice({ template: 'private-areas', languages, sets: ['name=Warm 金龍 مخبز', 'contact_name=X'] });
    }
    const again = (await renderNotice(target)).pdf;
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it('does not change the request it is given', async () => {
    const request = structuredClone(target);
    await renderNotice(request);
    expect(request).toEqual(target);
  });
});
