import { describe, expect, it } from 'vitest';
import { TemplateError, UsageError } from '../../src/errors.js';
import { prepare } from '../../src/session/prepare.js';
import { unionManifest } from '../../src/session/prepare-packet.js';
import { findTemplates, loadTemplate } from '../../src/templates/catalog.js';
import { findPackets, readPacket } from '../../src/templates/packet.js';
import { readPdf } from '../helpers/pdf-reader.js';
import { thrown } from '../helpers/thrown.js';
import { packetFolder } from '../templates/packet-fixture.js';

const NAME = 'Tacos <El Güero> & Hijos';

describe('a packet renders into one PDF per business', () => {
  const dir = packetFolder();

  it('draws every notice in order, copies repeated, one bookmark per notice', async () => {
    const renderer = prepare({ template: 'two-doors', templateDirs: [dir], languages: ['en', 'es'] });
    expect(renderer.id).toBe('two-doors');
    const result = await renderer.render({ name: NAME, contact_name: 'Ana' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    // private-areas ×2 (stacked, one page each), back-door fixed to one page per language.
    expect(result.pageCount).toBe(4);
    expect(result.languages).toEqual(['en', 'es']);
    const facts = await readPdf(result.pdf);
    expect(facts.pageCount).toBe(4);
    expect(facts.outline).toEqual(['Private areas door notice (1 of 2)', 'Private areas door notice (2 of 2)', 'Back door notice']);
    expect(facts.title).toBe(`Two doors: ${NAME}`);
    for (const page of facts.pages) expect(page.text).toContain(NAME);
    expect(facts.pages[2]!.text).not.toEqual(facts.pages[3]!.text);
    // The draft-translation warning comes once, though three notices met it.
    expect(result.warnings.filter((warning) => warning.lang === 'es')).toHaveLength(1);
  });

  it('checks a record once against the union of the templates fields', async () => {
    const renderer = prepare({ template: 'two-doors', templateDirs: [dir] });
    const missing = await renderer.render({ name: NAME });
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.problems).toEqual([{ field: 'contact_name', message: 'is required and missing' }]);
    const long = await renderer.render({ name: NAME, contact_name: 'A'.repeat(31) });
    expect(!long.ok && long.problems.map((problem) => [problem.field, problem.message])).toEqual([
      ['contact_name', 'expected at most 30 characters'],
    ]);
    expect(renderer.fields.contact_name).toEqual({ type: 'text', required: true, max: 30 });
  });

  it('prints every notice on the --size asked for, and refuses an --arrange no notice supports', async () => {
    const a4 = await prepare({ template: 'two-doors', templateDirs: [dir], size: 'a4' }).render({ name: NAME, contact_name: 'Ana' });
    if (!a4.ok) throw new Error('expected a notice');
    const facts = await readPdf(a4.pdf);
    expect(facts.pages.map((page) => [Math.round(page.width), Math.round(page.height)])).toEqual(Array(3).fill([595, 842]));
    const error = thrown(UsageError, () => prepare({ template: 'two-doors', templateDirs: [dir], arrange: 'duplex' }));
    expect(error.message).toContain('no template of packet two-doors supports --arrange duplex');
  });

  it('refuses templates that disagree on a field type', () => {
    const manifest = loadTemplate('private-areas').manifest;
    const other = { ...manifest, id: 'other', fields: { ...manifest.fields, phone: { type: 'list' as const, required: false, max: 9 } } };
    const error = thrown(TemplateError, () => unionManifest({ id: 'p', title: 'P', file: 'p.yaml' }, [manifest, other]));
    expect(error.message).toContain('field phone is text in one template and list in other');
  });

  const templates = findTemplates();
  for (const id of ['business-packet', 'city-packet']) {
    const named = readPacket(findPackets().get(id)!).templates;
    it(`${id} renders en+es on letter, one bookmark per notice`, async () => {
      expect(named.map((entry) => entry.template).filter((template) => !templates.has(template))).toEqual([]);
      const result = await prepare({ template: id, languages: ['en', 'es'] }).render({
        name: NAME,
        contact_name: 'Ana',
        jurisdiction: 'City of Minneapolis',
        order_number: 'EO 2026-01',
        property_id: 'Central Library',
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const facts = await readPdf(result.pdf);
      expect(facts.outline).toHaveLength(named.reduce((sum, entry) => sum + entry.copies, 0));
      expect(facts.pageCount).toBeGreaterThanOrEqual(facts.outline.length);
      if (id === 'business-packet') expect(facts.text).toContain(NAME);
    });
  }
});
