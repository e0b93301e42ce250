import { fontSet } from '../fonts/font-set.js';
import type { Session } from '../pipeline.js';
import type { SessionOptions } from '../contract/public-api.js';
import { localeCatalog } from '../strings/locale-catalog.js';
import { translator } from '../strings/translator.js';
import { loadTemplate } from '../templates/catalog.js';
import { checkRunOptions } from '../validate/notice-plan.js';

/** One template's session: what every notice of it shares. */
export function prepareSession(options: SessionOptions, shared?: Pick<Session, 'locales' | 'translate' | 'fonts'>): Session {
  const template = loadTemplate(options.template, options.templateDirs);
  const catalog = shared?.locales ?? localeCatalog(options.localeDirs ?? []);
  checkRunOptions(options, template, catalog);
  return {
    options,
    template,
    locales: catalog,
    translate: shared?.translate ?? translator(catalog),
    fonts: shared?.fonts ?? fontSet(options.fonts),
  };
}
