import { fontSet } from '../fonts/font-set.js';
import type { Session } from '../pipeline.js';
import type { SessionOptions } from '../contract/public-api.js';
import { readLanguages, knownLanguages } from '../read/language-names.js';
import { localeCatalog, readStrings } from '../strings/locale-catalog.js';
import { translator } from '../strings/translator.js';
import { loadTemplate } from '../templates/catalog.js';
import { checkRunOptions } from '../validate/notice-plan.js';

/** One template's session: what every notice of it shares. */
export function prepareSession(options: SessionOptions, shared?: Pick<Session, 'locales' | 'translate' | 'fonts'>): Session {
  const template = loadTemplate(options.template, options.templateDirs);
  const catalog = shared?.locales ?? localeCatalog(options.localeDirs ?? []);
  checkRunOptions(options, template, catalog);
  // The run's languages are read now, so a malformed file stops it before any notice; rows' own languages on first use.
  if (options.languages) readStrings(catalog, ['en', ...readLanguages(options.languages, knownLanguages(catalog)).codes]);
  return {
    options,
    template,
    locales: catalog,
    translate: shared?.translate ?? translator(catalog),
    fonts: shared?.fonts ?? fontSet(options.fonts),
  };
}
