import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/session/prepare.js';
import { findTemplates, loadTemplate } from '../../src/templates/catalog.js';
import { findPackets, readPacket } from '../../src/templates/packet.js';
import { expectCardPairs, expectOneSize, readFacts } from './packet-duplex.js';

/** Every field any built-in packet requires, so one record serves them all. */
export const SHOP = {
  name: 'Hodan Halal Market',
  contact_name: 'Ana Ruiz',
  jurisdiction: 'City of Minneapolis',
  order_number: 'EO 2025-02',
  property_id: 'Central Library',
};

/** Latin-script languages, so the reader's extracted text can be checked word for word. */
export const LANGUAGE_SETS = [['en'], ['en', 'es'], ['en', 'es', 'so'], ['en', 'es', 'so', 'vi']];

const templates = findTemplates();
const packets = [...findPackets().entries()]
  .map(([id, file]) => ({ id, packet: readPacket(file) }))
  .filter(({ packet }) => packet.templates.every((entry) => templates.has(entry.template)));
const cardTitles = [...templates.keys()].map((id) => loadTemplate(id).manifest).filter((manifest) => manifest.card);

describe('every packet prints right for 1 to 4 languages', () => {
  it('has the built-in packets to check', () => {
    expect(packets.map(({ id }) => id)).toEqual(expect.arrayContaining(['business-packet', 'city-packet']));
  });

  for (const { id, packet } of packets) {
    for (const languages of LANGUAGE_SETS) {
      it(`${id}, ${languages.join('+')}: one paper size, a bookmark per notice, card fronts on odd pages with their backs next`, async () => {
        const result = await prepare({ template: id, languages }).render(SHOP);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const { facts, outline } = await readFacts(result.pdf);
        expect(result.pageCount).toBe(facts.pageCount);
        expectOneSize(facts.pages);
        const hasCards = packet.templates.some((entry) => loadTemplate(entry.template).manifest.card);
        if (hasCards) expectCardPairs(facts.pages, languages);
        // A bookmark per notice (copies numbered), and one per card pair when there are several.
        const pairs = hasCards ? Math.max(0, languages.length - 2) : 0;
        expect(outline).toHaveLength(packet.templates.reduce((sum, entry) => sum + entry.copies, 0) + pairs);
        for (const bookmark of outline) expect(facts.pages[bookmark.page - 1]!.text.trim()).not.toBe('');
        for (const manifest of cardTitles) {
          const entries = outline.filter((bookmark) => bookmark.title.startsWith(manifest.title));
          if (languages.length > 2) for (const bookmark of entries) expect(bookmark.page % 2).toBe(1);
        }
      });
    }
  }
});
