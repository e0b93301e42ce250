import { MAX_LINK_LENGTH } from './rights-links.js';

/** How one field is checked: its kind, whether a template needs it, and its length limits (template.yaml `fields`). */
export interface FieldSpec {
  readonly type: 'text' | 'list' | 'link';
  readonly required: boolean;
  readonly max: number;
  readonly max_items?: number | undefined;
}

const text = (max: number): FieldSpec => ({ type: 'text', required: false, max });

/**
 * The one business schema every template shares: each contract field with
 * its type and length limit. A template declares the fields it prints
 * (template.yaml `fields`, where it may mark them required or allow fewer
 * characters); a contract field it does not declare is still checked here
 * and kept, so one spreadsheet feeds every template.
 */
export const CONTRACT_FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: text(64),
  name: text(80),
  street: text(80),
  city: text(60),
  region: text(40),
  postal_code: text(16),
  country: text(60),
  phone: text(32),
  email: text(80),
  website: text(120),
  contact_name: text(60),
  contact_role: text(40),
  /** The designated contact's phone (the staff sheet prints it); templates fall back to `phone`. */
  contact_phone: text(32),
  private_areas: { type: 'list', required: false, max: 40, max_items: 8 },
  /** City notices: the city or county, the order that applies, the property's own identifier. */
  jurisdiction: text(80),
  order_number: text(40),
  property_id: text(40),
  /** Who speaks for the business when the designated contact is away (the staff sheet prints it). */
  backup_contact: text(80),
  /** The backup's phone; templates fall back to `phone`. */
  backup_phone: text(32),
  /** Whom staff call: lawyers or legal aid lines, as the business writes them (entries separated by ";"). */
  legal_contact: { type: 'list', required: false, max: 120, max_items: 12 },
  /**
   * Wallet cards: one short line, an organisation's name or a hotline. Cards
   * never print the business's name (a worker who shows the card would show
   * where they work); an owner who wants it writes it here.
   */
  card_line: text(60),
  /** A second, labelled link: a jurisdiction's page for documenting an incident (no default). */
  report_url: { type: 'link', required: false, max: MAX_LINK_LENGTH },
  /** Home notices: an optional line such as "Apartment 4B", never the residents' names. */
  household_line: text(60),
};

/** The spec a record's field is checked with: the template's own declaration, else the contract's. */
export function specOf(field: string, declared: Readonly<Record<string, FieldSpec>>): FieldSpec | undefined {
  return declared[field] ?? CONTRACT_FIELDS[field];
}

/** Field names from the CLI contract: YAML keys, --set keys and CSV headers alike. */
export const BUSINESS_FIELDS = [
  'id',
  'name',
  'street',
  'city',
  'region',
  'postal_code',
  'country',
  'phone',
  'email',
  'website',
  'contact_name',
  'contact_role',
  'contact_phone',
  'private_areas',
  'jurisdiction',
  'order_number',
  'property_id',
  'backup_contact',
  'backup_phone',
  'legal_contact',
  'card_line',
  'report_url',
  'household_line',
  'languages',
  'rights_url',
] as const;

/** Fields a business may give per language, as `<field>.<lng>` (contact_role.es); their common values are also translated (strings/vocabulary.ts). */
const localized = ['private_areas', 'contact_role'] as const;
export type LocalizedField = (typeof localized)[number];
export const LOCALIZED_FIELDS: readonly string[] = localized;
