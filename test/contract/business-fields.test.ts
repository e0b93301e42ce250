import { describe, expect, it } from 'vitest';
import { knownColumns } from '../../src/batch/known-columns.js';
import { loadTemplate } from '../../src/templates/catalog.js';
import { manifestSchema } from '../../src/templates/manifest.js';
import { validateBusiness } from '../../src/validate/business.js';
import { BUSINESS_FIELDS, CONTRACT_FIELDS } from '../../src/contract/business-fields.js';

const KNOWN = ['en', 'es'];
const TEMPLATES = ['private-areas', 'property-use', 'public-property', 'staff-only', 'staff-sheet', 'rights-cards'];

/** One spreadsheet row that carries every contract field, as a CSV reader gives it. */
const FULL_ROW = {
  id: 'c001',
  name: 'Lake Street Library',
  street: '2727 E Lake St',
  city: 'Minneapolis',
  region: 'MN',
  postal_code: '55406',
  country: 'USA',
  phone: '612-555-0100',
  email: 'library@example.org',
  website: 'https://example.org',
  contact_name: 'Rosa Delgado',
  contact_role: 'Manager',
  'contact_role.es': 'Gerente',
  contact_phone: '612-555-0101',
  private_areas: 'Office;Storage room',
  jurisdiction: 'City of Minneapolis',
  order_number: 'Executive Order 2025-02',
  property_id: 'LIB-0042',
  backup_contact: 'Juan Pérez',
  backup_phone: '612-555-0102',
  legal_contact: 'Legal aid line 612-555-0199',
  card_line: 'Rights hotline 1-800-555-0100',
  report_url: 'https://example.org/report',
  languages: 'en,es',
  rights_url: 'https://example.org/rights',
};

describe('one business schema for every template', () => {
  it('has a spec for every contract field but the two placard sets itself', () => {
    expect(Object.keys(CONTRACT_FIELDS).sort()).toEqual(
      BUSINESS_FIELDS.filter((field) => field !== 'languages' && field !== 'rights_url').sort(),
    );
  });

  it.each(TEMPLATES)('%s accepts a row with every contract field, and keeps the fields it does not print', (id) => {
    const result = validateBusiness(FULL_ROW, loadTemplate(id).manifest, KNOWN);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.business.report_url).toBe('https://example.org/report');
    expect(result.business.jurisdiction).toBe('City of Minneapolis');
    expect(result.business.private_areas).toEqual(['Office', 'Storage room']);
    expect(result.business['contact_role.es']).toBe('Gerente');
  });

  it.each(TEMPLATES)('%s passes every contract column of a spreadsheet on to validation', (id) => {
    const columns = knownColumns(loadTemplate(id).manifest.fields);
    for (const column of Object.keys(FULL_ROW)) expect(columns.has(column)).toBe(true);
  });

  it.each(TEMPLATES)('%s checks report_url by the link rule, even where it does not print it', (id) => {
    const result = validateBusiness(
      { name: 'X', jurisdiction: 'City', order_number: 'Order 1', report_url: 'javascript:alert(1)' },
      loadTemplate(id).manifest,
      KNOWN,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ field: 'report_url', message: expect.stringMatching(/only https: and http:/) }),
    ]);
  });

  it('refuses a report_url with a space, as rights_url is refused', () => {
    const result = validateBusiness({ name: 'X', report_url: 'https://example.org/a b' }, loadTemplate('private-areas').manifest, KNOWN);
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/white space/);
  });

  it('checks an unprinted field against the contract limit', () => {
    const result = validateBusiness({ name: 'X', order_number: 'N'.repeat(41) }, loadTemplate('staff-only').manifest, KNOWN);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({ field: 'order_number', message: 'expected at most 40 characters' }),
    ]);
  });

  it('makes jurisdiction and order_number required where a template requires them, and only there', () => {
    const city = validateBusiness({ name: 'Library' }, loadTemplate('public-property').manifest, KNOWN);
    expect(city.ok ? [] : city.problems).toEqual([
      { field: 'jurisdiction', message: 'is required and missing' },
      { field: 'order_number', message: 'is required and missing' },
    ]);
    expect(validateBusiness({ name: 'Library' }, loadTemplate('property-use').manifest, KNOWN).ok).toBe(true);
  });

  it('checks the phones and the card line against the contract, on every template', () => {
    for (const id of TEMPLATES) {
      const result = validateBusiness(
        { name: 'X', jurisdiction: 'C', order_number: 'O', contact_phone: '1'.repeat(33), card_line: 'L'.repeat(61) },
        loadTemplate(id).manifest,
        KNOWN,
      );
      expect(result.ok ? [] : result.problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
        'contact_phone: expected at most 32 characters',
        'card_line: expected at most 60 characters',
      ]);
    }
  });

  it('needs no data at all for rights cards: the business name is not a card field', () => {
    expect(validateBusiness({}, loadTemplate('rights-cards').manifest, KNOWN).ok).toBe(true);
  });

  it('still refuses a field that is not in the contract', () => {
    const result = validateBusiness({ name: 'X', jurisdicton: 'City' }, loadTemplate('staff-only').manifest, KNOWN);
    expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toEqual(['jurisdicton']);
  });

  it('refuses a manifest that gives a contract field another type', () => {
    const manifest = {
      ...loadTemplate('private-areas').manifest,
      fields: { name: { type: 'text', max: 80 }, report_url: { type: 'text', max: 300 } },
    };
    const parsed = manifestSchema.safeParse(manifest);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['fields', 'report_url', 'type'], message: expect.stringMatching(/type: link/) });
  });
});
