/**
 * What each business field is for, in a few words, for the README's fields table (npm run readme). The type,
 * length limit and the templates that print a field come from the schema itself (business-fields.ts and each
 * template.yaml); a field without a note here is still listed, with those alone.
 */
export const FIELD_NOTES: Readonly<Record<string, string>> = {
  id: 'your own identifier for the business (names its PDF in a batch); never printed',
  name: "the business's name",
  street: 'street address',
  city: 'city',
  region: 'state, province or region',
  postal_code: 'ZIP or postal code, kept as written (`07102` keeps its zero)',
  country: 'country',
  phone: "the business's phone number",
  email: 'email address',
  website: 'website',
  contact_name: 'the person officers should ask for',
  contact_role: "that person's role (owner, manager…); vocabulary roles are translated",
  private_areas: 'the non-public areas; in `--set` and CSV, entries separated by `;`; vocabulary areas are translated',
  jurisdiction: 'city notices: the city or county',
  order_number: 'city notices: the order that applies',
  property_id: "city notices: the property's identifier",
  backup_contact: 'the second person to speak with officers',
  legal_contact: 'whom staff call: lawyers, legal aid groups or hotlines with their numbers; `;` between entries',
  languages: 'comma-separated language tags; `--lang` wins over it',
  rights_url: '`https:`/`http:` link for the QR code; `--rights-url` wins over it',
  report_url: 'a second link, under the same rule as `rights_url`: a page for documenting an incident; no default',
};
