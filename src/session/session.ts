import type { FontSet } from '../fonts/font-set.js';
import type { SessionOptions } from '../contract/public-api.js';
import type { Locale } from '../strings/locale-catalog.js';
import type { Translate } from '../strings/translator.js';
import type { Template } from '../templates/catalog.js';

/** Everything loaded and checked once for a run: the same for every notice. Read-only. */
export interface Session {
  readonly options: SessionOptions;
  readonly template: Template;
  readonly locales: ReadonlyMap<string, Locale>;
  readonly translate: Translate;
  readonly fonts: FontSet;
}
