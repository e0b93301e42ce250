import type { TemplateManifest } from '../templates/manifest.js';
import { BUSINESS_FIELDS } from '../validate/business.js';

/** Column names a batch passes on to validation: the contract's business fields and the template's own. */
export function knownColumns(manifest: TemplateManifest): ReadonlySet<string> {
  return new Set<string>([...BUSINESS_FIELDS, ...Object.keys(manifest.fields)]);
}
