import { describe, expect, it } from 'vitest';
import { TemplateError, UsageError } from '../../src/errors.js';
import { findTemplates } from '../../src/templates/catalog.js';
import { findPackets, isPacket, loadPacket, readPacket } from '../../src/templates/packet.js';
import { thrown } from '../helpers/thrown.js';
import { packetFolder, writePacket } from './packet-fixture.js';

describe('packets: named bundles of templates, defined by data', () => {
  it('reads a packet from a user folder, copies defaulting to 1', () => {
    const dir = packetFolder();
    const packet = loadPacket('two-doors', [dir]);
    expect(packet.templates).toEqual([
      { template: 'private-areas', copies: 2 },
      { template: 'back-door', copies: 1, arrange: 'pages' },
    ]);
    expect(isPacket('two-doors', [dir])).toBe(true);
    expect(isPacket('private-areas', [dir])).toBe(false);
  });

  it('names every missing template in one usage error', () => {
    const dir = packetFolder();
    writePacket(dir, 'broken', ['  - template: private-areas', '  - template: no-such-sign', '  - template: nor-this']);
    const error = thrown(UsageError, () => loadPacket('broken', [dir]));
    expect(error.message).toContain('no-such-sign, nor-this');
    expect(error.message).toContain('known templates: back-door, home, private-areas');
  });

  it('says what is wrong with a malformed packet file, and what it expected', () => {
    const dir = packetFolder();
    writePacket(dir, 'bad', ['  - template: private-areas', '    copies: 0', '    colour: red']);
    const error = thrown(TemplateError, () => loadPacket('bad', [dir]));
    expect(error.message).toMatch(/bad\.yaml is not a valid packet/);
    expect(error.message).toContain('templates.0.copies');
    expect(error.message).toContain('colour');
  });

  it('refuses an unknown packet and a packet that has a template id', () => {
    const dir = packetFolder();
    expect(thrown(UsageError, () => loadPacket('nothing', [dir])).message).toMatch(/unknown packet "nothing"; known packets: .*two-doors/);
    writePacket(dir, 'back-door', ['  - template: private-areas']);
    const error = thrown(UsageError, () => loadPacket('back-door', [dir]));
    expect(error.message).toContain('both a template');
  });

  it('ships business-packet and city-packet as data', () => {
    const packets = findPackets();
    const business = readPacket(packets.get('business-packet')!);
    expect(business.templates.map((entry) => [entry.template, entry.copies])).toEqual([
      ['private-areas', 1],
      ['staff-only', 2],
      ['staff-sheet', 1],
      ['rights-cards', 1],
    ]);
    expect(readPacket(packets.get('city-packet')!).templates[0]!.template).toBe('public-property');
  });

  const templates = findTemplates();
  for (const id of ['business-packet', 'city-packet']) {
    const named = readPacket(findPackets().get(id)!).templates.map((entry) => entry.template);
    it(`${id}: every template it names exists`, () => {
      expect(named.filter((template) => !templates.has(template))).toEqual([]);
      expect(loadPacket(id).id).toBe(id);
    });
  }
});
