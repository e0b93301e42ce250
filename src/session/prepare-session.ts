import { InputError } from '../errors.js';
import { fontSet } from '../fonts/font-chain.js';
import type { SessionOptions } from '../request.js';
import { readLanguages, knownLanguages } from '../read/language-names.js';
import { localeCatalog, readStrings } from '../strings/locale-catalog.js';
import { translator } from '../strings/translator.js';
import { loadTemplate } from '../templates/catalog.js';
import { checkRunOptions } from '../validate/notice-plan.js';
import type { Renderer } from './prepare.js';
import type { Session } from './session.js';

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

/** Adds `render`, which turns a problem with the record into data. */
export function withRender(renderer: Omit<Renderer, 'render'>): Renderer {
  return {
    ...renderer,
    render: async (record) => {
      try {
        const { pages: _pages, ...rendered } = await renderer.make(record);
        return { ok: true, ...rendered };
      } catch (error) {
        if (error instanceof InputError) return { ok: false, problems: error.problems, warnings: [] };
        throw error;
      }
    },
  };
}
