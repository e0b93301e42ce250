import { editDistance } from '../../text-distance.js';

/**
 * Spreadsheet headers as cities write them. A header matches a field
 * without regard to case, spaces, underscores or punctuation ("Postal Code",
 * "postal_code", "POSTAL-CODE"), and through the synonyms below. Earlier
 * synonyms rank higher: when two columns could give one field ("DBA" and
 * "Business Name"), the better-ranked one is used and the other is named.
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  id: ['id', 'business id', 'record id', 'account id', 'license number', 'license no', 'license id'],
  name: [
    'name',
    'dba',
    'doing business as',
    'trade name',
    'business name',
    'business',
    'company name',
    'company',
    'store name',
    'shop name',
  ],
  street: ['street', 'street address', 'address', 'address 1', 'address line 1', 'business address', 'site address', 'location address'],
  city: ['city', 'town', 'municipality'],
  region: ['region', 'state', 'province', 'state province', 'st'],
  postal_code: ['postal code', 'zip', 'zip code', 'zipcode', 'postcode', 'post code', 'zip5', 'postal'],
  country: ['country'],
  phone: ['phone', 'phone number', 'business phone', 'telephone', 'tel', 'phone no'],
  email: ['email', 'email address', 'e mail', 'contact email'],
  website: ['website', 'web site', 'web', 'url', 'website url', 'homepage'],
  contact_name: [
    'contact name',
    'contact person',
    'contact',
    'designated contact',
    'manager',
    'manager name',
    'person in charge',
    'owner',
    'owner name',
  ],
  contact_role: ['contact role', 'contact title', 'role', 'title', 'position'],
  contact_phone: ['contact phone', 'contact phone number', 'manager phone', 'owner phone'],
  backup_phone: ['backup phone', 'backup phone number', 'alternate phone'],
  private_areas: ['private areas', 'private area', 'non public areas', 'nonpublic areas', 'staff only areas', 'restricted areas', 'areas'],
  jurisdiction: ['jurisdiction'],
  order_number: ['order number', 'order no', 'order', 'executive order'],
  property_id: ['property id', 'parcel id', 'parcel', 'parcel number', 'pin'],
  backup_contact: ['backup contact', 'backup contact name', 'alternate contact', 'second contact'],
  legal_contact: ['legal contact', 'legal contacts', 'lawyer', 'attorney', 'legal aid'],
  report_url: ['report url', 'report link', 'reporting url'],
  card_line: ['card line', 'card text', 'hotline'],
  languages: ['languages', 'language', 'language s', 'languages spoken', 'langs', 'lang'],
  rights_url: ['rights url', 'rights link'],
};

/** Every field a header can name (the contract's and the new ones), for finding the header row before the template is known. */
export const HEADER_FIELDS: ReadonlySet<string> = new Set(Object.keys(SYNONYMS));

/** A header's key: letters and digits only, lower case, Latin accents dropped ("Language(s)" → "languages", "E-mail" → "email"). */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface HeaderMatch {
  readonly field: string;
  /** 0 for the field's own name; higher is a weaker synonym. */
  readonly rank: number;
}

const keyIndex = new Map<string, HeaderMatch>();
for (const [field, words] of Object.entries(SYNONYMS)) {
  keyIndex.set(headerKey(field), { field, rank: 0 });
  for (const [rank, word] of words.entries()) if (!keyIndex.has(headerKey(word))) keyIndex.set(headerKey(word), { field, rank: rank + 1 });
}

/** The field a header names, among `fields`: its own name in any spelling, else a synonym. */
export function matchHeader(header: string, fields: ReadonlySet<string>): HeaderMatch | undefined {
  const key = headerKey(header);
  if (key === '') return undefined;
  for (const field of fields) if (headerKey(field) === key) return { field, rank: 0 };
  const found = keyIndex.get(key);
  return found && fields.has(found.field) ? found : undefined;
}

/** For a header that matches nothing: the field it is a typo or two away from, for a did-you-mean. */
export function nearField(header: string, fields: ReadonlySet<string>): string | undefined {
  const key = headerKey(header);
  if (key.length < 3) return undefined;
  let best: { field: string; cost: number } | undefined;
  const candidates: [string, string][] = [...fields].map((field) => [headerKey(field), field]);
  for (const [word, match] of keyIndex) if (fields.has(match.field)) candidates.push([word, match.field]);
  for (const [word, field] of candidates) {
    const cost = editDistance(key, word);
    if (cost <= Math.max(1, Math.floor(key.length / 5)) && (!best || cost < best.cost)) best = { field, cost };
  }
  return best?.field;
}

/** How many cells of a row read as field names: the header row is the one with the most. */
export function headerScore(cells: readonly (string | undefined)[], fields: ReadonlySet<string>): number {
  const seen = new Set<string>();
  for (const cell of cells) {
    const match = cell === undefined ? undefined : matchHeader(cell.split('.')[0]!, fields);
    if (match) seen.add(match.field);
  }
  return seen.size;
}
