import type { LocalizedField } from '../contract/business-fields.js';
import type { Translate } from './translator.js';

/**
 * The business fields whose common values placard translates, with the
 * vocabulary keys (namespace `vocabulary`) that may match them. A business
 * may also give a value per language, as `<field>.<lng>` (contact_role.es).
 */
export const VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  private_areas: [
    'area_kitchen',
    'area_office',
    'area_storage_room',
    'area_stockroom',
    'area_break_room',
    'area_back_room',
    'area_warehouse',
  ],
  contact_role: ['role_owner', 'role_manager', 'role_supervisor'],
} satisfies Record<LocalizedField, readonly string[]>;

const comparable = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/**
 * A business value in a section's language: when it matches an English
 * vocabulary entry without regard to case ("kitchen", "KITCHEN"), the
 * entry's translation; otherwise (and in English) the value as given.
 */
export function localWord(value: string, field: string, lang: string, translate: Translate): string {
  if (lang === 'en') return value;
  const wanted = comparable(value);
  for (const key of VOCABULARY[field] ?? []) {
    if (comparable(translate('en', `vocabulary:${key}`)) === wanted) return translate(lang, `vocabulary:${key}`);
  }
  return value;
}
