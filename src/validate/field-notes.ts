/**
 * What each business field is for, in a few words, for the README's fields table (npm run readme). The type,
 * length limit and the templates that print a field come from the schema itself (contract/business-fields.ts and each
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
  private_areas:
    'the non-public areas, kept closed; an entry that names a place open to the public (a parking lot, lobby, dining room, sales floor, waiting room; also in Spanish) is refused with exit 1, since a sign cannot make it non-public (content.md fact 2); as text (YAML, `--set`, CSV alike) entries separated by `;`, or by commas when there is no `;`; vocabulary areas are translated',
  jurisdiction: 'city notices: the city or county',
  order_number: 'city notices: the order the sign rests on; post the sign only where that order reaches',
  property_id: "city notices: the property's identifier",
  contact_phone: "the contact's phone; else `phone`, else a write-in line",
  backup_contact: 'the second person to speak with officers',
  backup_phone: "the backup's phone; else `phone`",
  card_line:
    "one line printed on every wallet card instead of the business's name, which cards never print: an organisation's name or a hotline",
  household_line: 'an optional line at the top of the home notice, such as "Apartment 4B"; never the residents\' names',
  legal_contact: 'whom staff call: lawyers, legal aid groups or hotlines with their numbers; `;` between entries',
  languages: 'languages as people write them: tags, English names or their own names (`es;so`, "English, Spanish"); `--lang` wins over it',
  rights_url: '`https:`/`http:` link for the QR code; `--rights-url` wins over it',
  report_url: 'a second link, under the same rule as `rights_url`: a page for documenting an incident; no default',
};
