import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run-batch.js';
import { loadTemplate } from '../../src/templates/catalog.js';
import { findPackets, readPacket } from '../../src/templates/packet.js';
import { tempDir } from '../cli/run-placard.js';
import { expectCardPairs, expectOneSize, readFacts } from '../session/packet-duplex.js';

/** Rows of 1, 2, 3 and 4 languages, then again in another order, so businesses start on odd and even pages alike. */
const ROWS = ['en', 'en,es', 'en,es,so', 'en,es,so,vi', 'en,es', 'en,es,so', 'en'];

function csv(dir: string): string {
  const file = join(dir, 'shops.csv');
  const lines = ROWS.map((languages, index) => `s${index + 1},Shop ${index + 1},Ana,City of Minneapolis,EO 2025-02,Library,"${languages}"`);
  writeFileSync(file, ['id,name,contact_name,jurisdiction,order_number,property_id,languages', ...lines].join('\n') + '\n');
  return file;
}

describe('batch --combined keeps duplex pieces on odd pages and bookmarks every notice', () => {
  for (const id of ['business-packet', 'city-packet']) {
    it(`${id}: each business a bookmark holding one per notice; every card front on an odd page, its back next`, async () => {
      const dir = tempDir();
      const combined = join(dir, 'all.pdf');
      const summary = await runBatch({ session: { template: id }, dataFile: csv(dir), outDir: join(dir, 'out'), combined, jobs: 2 });
      expect(summary.failed).toBe(0);
      const { facts, outline } = await readFacts(new Uint8Array(readFileSync(combined)));
      expectOneSize(facts.pages);
      expect(outline.map((business) => business.title)).toEqual(ROWS.map((_, index) => `Shop ${index + 1}`));
      const packet = readPacket(findPackets().get(id)!);
      const titles = packet.templates.flatMap((entry) => Array<string>(entry.copies).fill(loadTemplate(entry.template).manifest.title));
      outline.forEach((business, index) => {
        const languages = ROWS[index]!.split(',');
        // Children in packet order: each notice (copies numbered), card pairs named when there are several.
        expect(business.children.map((child) => child.title.replace(/ \(.*\)$/, ''))).toEqual([
          ...titles,
          ...Array<string>(Math.max(0, languages.length - 2)).fill(titles.at(-1)!),
        ]);
        expect(business.page).toBe(business.children[0]!.page);
        const end = outline[index + 1]?.page ?? facts.pageCount + 1;
        expectCardPairs(facts.pages, languages, business.page - 1, end - 1);
      });
    });
  }

  it('a card template alone: one- and two-language rows mixed still start every front on an odd page', async () => {
    const dir = tempDir();
    const rows = ['en', 'en,es', 'en,so', 'en', 'en', 'en,vi'];
    writeFileSync(
      join(dir, 'cards.csv'),
      ['id,name,languages', ...rows.map((languages, index) => `c${index},Card ${index},"${languages}"`)].join('\n'),
    );
    const combined = join(dir, 'cards.pdf');
    const summary = await runBatch({
      session: { template: 'rights-cards' },
      dataFile: join(dir, 'cards.csv'),
      outDir: join(dir, 'out'),
      combined,
      jobs: 2,
    });
    expect(summary.made).toBe(rows.length);
    const { facts, outline } = await readFacts(new Uint8Array(readFileSync(combined)));
    // 1 page; a blank (page 2) and a pair; a pair; 1 page; 1 page; a pair starting on page 9 with no blank.
    expect(facts.pageCount).toBe(1 + 3 + 2 + 1 + 1 + 2);
    outline.forEach((business, index) => {
      const end = outline[index + 1]?.page ?? facts.pageCount + 1;
      expectCardPairs(facts.pages, rows[index]!.split(','), business.page - 1, end - 1);
    });
  });
});
