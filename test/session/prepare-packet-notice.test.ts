import { describe, expect, it } from 'vitest';
import { TemplateError, UsageError } from '../../src/errors.js';
import { prepare } from '../../src/session/prepare.js';
import { cardPairs, layoutPacketNotice } from '../../src/session/prepare-packet-notice.js';
import { packetSize } from '../../src/session/prepare-packet-size.js';
import { prepareSession } from '../../src/session/prepare-session.js';
import { loadTemplate } from '../../src/templates/catalog.js';
import { readPacket } from '../../src/templates/packet.js';
import { thrown } from '../helpers/thrown.js';
import { packetFolder, writePacket } from '../templates/packet-fixture.js';

const SHOP = { name: 'Hodan Halal Market', contact_name: 'Ana Ruiz', private_areas: 'Back room;Office;Kitchen;Storage' };

describe('each notice of a packet picks its own arrangement', () => {
  it('pairs card languages with English on the front, as red cards do', () => {
    expect(cardPairs(['en'])).toEqual([['en']]);
    expect(cardPairs(['es'])).toEqual([['es']]);
    expect(cardPairs(['en', 'es'])).toEqual([['en', 'es']]);
    expect(cardPairs(['es', 'en', 'so'])).toEqual([
      ['en', 'es'],
      ['en', 'so'],
    ]);
    expect(cardPairs(['es', 'so', 'vi'])).toEqual([
      ['es', 'so'],
      ['es', 'vi'],
    ]);
  });

  it('prints cards for four languages as three front/back pairs, each front marked for duplex', () => {
    const session = prepareSession({ template: 'rights-cards', languages: ['en', 'es', 'so', 'vi'] });
    const pieces = layoutPacketNotice(session, SHOP, ['en', 'es', 'so', 'vi'], 'Cards');
    expect(pieces.map((piece) => piece.laid.plan.languages.map((language) => language.code))).toEqual([
      ['en', 'es'],
      ['en', 'so'],
      ['en', 'vi'],
    ]);
    expect(pieces.map((piece) => piece.pages.map((page) => page.side))).toEqual(Array(3).fill(['front', 'back']));
    expect(pieces.map((piece) => piece.pages[0]!.bookmark)).toEqual([
      'Cards (English / Español)',
      'Cards (English / Soomaali)',
      'Cards (English / Tiếng Việt)',
    ]);
  });

  it('prints a door notice one page per language when its columns do not fit, and keeps columns when they do', () => {
    const languages = ['en', 'es', 'so', 'vi', 'ar', 'my', 'ur', 'am'];
    // An arrangement the run fixed gives way too, with a warning, rather than failing the whole packet.
    const columns = prepareSession({ template: 'private-areas', languages, arrange: 'columns' });
    const [fixed] = layoutPacketNotice(columns, SHOP, languages, 'Door');
    expect(fixed!.laid.plan.arrange).toBe('pages');
    expect(fixed!.laid.plan.warnings.map((warning) => warning.message)).toContain(
      'private-areas: 8 languages do not fit one letter page in --arrange columns; printed one page per language',
    );
    const open = prepareSession({ template: 'private-areas', languages });
    const [piece] = layoutPacketNotice(open, SHOP, languages, 'Door');
    expect(piece!.laid.plan.arrange).toBe('pages');
    expect(piece!.pages).toHaveLength(languages.length);
    const three = layoutPacketNotice(
      prepareSession({ template: 'private-areas', languages: ['en', 'es', 'so'] }),
      SHOP,
      ['en', 'es', 'so'],
      'Door',
    );
    expect(three[0]!.laid.plan.arrange).toBe('columns');
    expect(three[0]!.pages).toHaveLength(1);
  });
});

describe('a packet prints on one paper size', () => {
  const cards = loadTemplate('rights-cards').manifest;
  const door = loadTemplate('private-areas').manifest;
  const staff = loadTemplate('staff-only').manifest;
  const packet = { id: 'p', title: 'P', description: 'd', templates: [], file: 'p.yaml' };

  it('defaults to letter, takes --size or the packet size, and names the notice that cannot print on it', () => {
    expect(packetSize(packet, [door, cards])).toBe('letter');
    expect(packetSize(packet, [door, cards], 'a4')).toBe('a4');
    expect(packetSize({ ...packet, size: 'a4' }, [door, cards])).toBe('a4');
    const error = thrown(UsageError, () => packetSize(packet, [door, staff, cards], 'legal'));
    expect(error.message).toContain('--size legal does not suit rights-cards (Wallet rights cards) prints on letter, a4');
    expect(error.message).toContain('Sizes every notice of it prints on: letter, a4');
    expect(thrown(TemplateError, () => packetSize({ ...packet, size: 'half-letter' }, [door, staff])).message).toContain('(set in p.yaml)');
  });

  it('refuses a size set per template in a packet file, and --size that a notice cannot use', async () => {
    const dir = packetFolder();
    const file = writePacket(dir, 'sized', ['  - template: private-areas', '    size: a4']);
    expect(thrown(TemplateError, () => readPacket(file)).message).toContain('a packet prints on one paper size');
    expect(() => prepare({ template: 'business-packet', size: 'tabloid' })).toThrow(
      /rights-cards \(Wallet rights cards\) prints on letter, a4/,
    );
    const a4 = await prepare({ template: 'business-packet', size: 'a4', languages: ['en', 'es'] }).render(SHOP);
    expect(a4.ok).toBe(true);
  });
});
