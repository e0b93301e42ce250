import type { PageSizeName } from '../contract/page-sizes.js';
import type { RawRecord } from '../contract/record.js';
import type { Translate } from '../strings/translator.js';
import type { Arrangement, TemplateManifest } from '../templates/manifest.js';

/** One sample render of `templates check`: a record, languages, an arrangement and a paper size. */
export interface SampleRun {
  readonly record: RawRecord;
  readonly languages: readonly string[];
  readonly arrange: Arrangement;
  readonly size: PageSizeName;
  readonly label: string;
}

const SAMPLE_TEXT: Readonly<Record<string, string>> = {
  id: 'sample-1',
  name: 'Sample Café & "Tacos" <Más>',
  street: '1510 E Lake St',
  city: 'Minneapolis',
  region: 'MN',
  postal_code: '55407',
  country: 'USA',
  phone: '612-555-0101',
  email: 'owner@example.org',
  website: 'https://example.org',
  contact_name: 'Rosa Delgado',
  contact_role: 'Owner',
  jurisdiction: 'City of Minneapolis',
  order_number: 'Executive Order 2025-02',
  property_id: 'LIB-0042',
  legal_contact: 'Legal aid line 612-555-0199',
};

/** The language sets tried for each arrangement: a right-to-left pair, and three for columns. */
const LANGUAGES: Readonly<Record<Arrangement, readonly string[]>> = {
  stacked: ['en', 'ar'],
  columns: ['en', 'es', 'zh-Hans'],
  pages: ['en', 'ar'],
  duplex: ['en', 'es'],
  officer: ['es', 'ar'],
};

/** The `t` keys a template asks for ({{t "ns:key"}} and (t "ns:key")). */
export function stringKeys(source: string): string[] {
  return [...new Set([...source.matchAll(/[{(]~?\s*t\s+"([^"]+)"/g)].map((match) => match[1]!))];
}

/**
 * Every field filled (lists with two entries, links with a sample page) and
 * only the required ones, on every paper with two languages and in every
 * arrangement, in the languages that have every string the template uses.
 */
export function sampleRuns(manifest: TemplateManifest, source: string, translate: Translate): SampleRun[] {
  const full: Record<string, string> = {};
  const required: Record<string, string> = {};
  for (const [field, spec] of Object.entries(manifest.fields)) {
    const value =
      spec.type === 'list' ? 'Kitchen;Office' : spec.type === 'link' ? 'https://example.org/report' : (SAMPLE_TEXT[field] ?? 'Sample');
    full[field] = [...value].slice(0, spec.max).join('');
    if (spec.required) required[field] = full[field];
  }
  const keys = stringKeys(source);
  const usable = (lng: string) =>
    keys.every((key) => {
      try {
        translate(lng, key);
        return true;
      } catch {
        return false;
      }
    });
  const pick = (arrange: Arrangement) => ['en', ...LANGUAGES[arrange].filter((lng) => lng !== 'en' && usable(lng))];
  const first = manifest.arrangements[0]!;
  const runs: SampleRun[] = [];
  for (const size of manifest.sizes as PageSizeName[])
    runs.push({ record: full, languages: pick(first), arrange: first, size, label: `every field, ${first}, ${size}` });
  const size = (manifest.sizes.includes('letter') ? 'letter' : manifest.sizes[0]) as PageSizeName;
  for (const arrange of manifest.arrangements)
    runs.push({ record: required, languages: pick(arrange), arrange, size, label: `required fields only, ${arrange}, ${size}` });
  return runs;
}
