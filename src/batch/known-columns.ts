import { BUSINESS_FIELDS, LOCALIZED_FIELDS, type FieldSpec } from '../contract/business-fields.js';

/**
 * Whether a column is one a batch passes on to validation: the contract's
 * business fields, the template's (or packet's) own, and per-language values of the fields
 * that have them (`private_areas.es`, `contact_role.zh-hant`).
 */
export function knownColumns(templateFields: Readonly<Record<string, FieldSpec>>): { has(column: string): boolean } {
  const fields = new Set<string>([...BUSINESS_FIELDS, ...Object.keys(templateFields)]);
  return {
    has: (column) => {
      if (fields.has(column)) return true;
      const at = column.indexOf('.');
      return at > 0 && LOCALIZED_FIELDS.includes(column.slice(0, at)) && fields.has(column.slice(0, at));
    },
  };
}
