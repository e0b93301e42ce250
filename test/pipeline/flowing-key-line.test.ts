// A template's flowing page (`<page flow="yes">`) that holds a key line and cannot keep its least size on one page
// flows onto more pages, its languages together, as it did before placard stopped at a shortfall to go one language
// per page (pipeline.ts): only a page that cannot flow goes one language per page.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { renderNotice } from '../../src/session/render-notice.js';
import { hasTool } from '../helpers/system-tools.js';

const dir = mkdtempSync(join(tmpdir(), 'placard-flowkey-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** templates/private-areas as a template of its own whose page flows, with room for a long list of areas. */
function flowingTemplate(): string {
  const folder = join(dir, 'flowkey');
  cpSync(new URL('../../templates/private-areas', import.meta.url).pathname, folder, { recursive: true });
  const yaml = join(folder, 'template.yaml');
  const manifest = readFileSync(yaml, 'utf8')
    .replace(/^id: private-areas$/mu, 'id: flowkey')
    .replace('private_areas: { type: list, max: 40, max_items: 8 }', 'private_areas: { type: list, max: 200, max_items: 60 }');
  expect(manifest).toContain('id: flowkey');
  expect(manifest).toContain('max_items: 60');
  writeFileSync(yaml, manifest);
  const hbs = join(folder, 'template.hbs');
  const markup = readFileSync(hbs, 'utf8').replace('<page>', '<page flow="yes">');
  expect(markup).toContain('<page flow="yes">');
  writeFileSync(hbs, markup);
  return dir;
}

describe('a flowing page with a key line', () => {
  it.skipIf(!hasTool('pdftotext'))(
    'flows its languages together onto more pages, without a warning, rather than one language per page',
    async () => {
      const areas = Array.from({ length: 25 }, (_, i) => `Storage room number ${i + 1} behind kitchen`).join(';');
      const notice = await renderNotice({
        template: 'flowkey',
        templateDirs: [flowingTemplate()],
        languages: ['en', 'es'],
        sets: ['name=Flow Test Shop', 'contact_name=Ana', `private_areas=${areas}`],
      });
      expect(notice.pageCount).toBeGreaterThan(1);
      expect(notice.warnings.map((w) => w.message).join('\n')).not.toMatch(/its own page|key line/u);
      // Flowed together, a page holds both languages (the last: the QR code's caption in each); one language per page, none does.
      const file = join(dir, 'flowed.pdf');
      writeFileSync(file, notice.pdf);
      const pages = Array.from({ length: notice.pageCount }, (_, i) =>
        execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' '),
      );
      expect(pages.join(' ')).toContain('requires a judicial warrant signed by a judge.');
      expect(pages.some((page) => page.includes('Scan to know your rights') && page.includes('Escanee para conocer sus'))).toBe(true);
    },
  );
});
