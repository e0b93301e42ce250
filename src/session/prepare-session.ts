import { FontStreamCache } from '../draw/font-stream-cache.js';
import { fontSet } from '../fonts/font-set.js';
import { templateFill } from '../fill/fill-template.js';
import { MarkupShapes } from '../fill/markup-shapes.js';
import { isStep } from '../layout/fit-hints.js';
import { layoutCaches } from '../layout/layout-caches.js';
import { markupTemplate } from '../parse/markup-template.js';
import { parseMarkup } from '../parse/parse-markup.js';
import type { Session } from '../pipeline.js';
import type { SessionOptions } from '../contract/public-api.js';
import { readLanguages, knownLanguages } from '../read/language-names.js';
import { localeCatalog, readStrings } from '../strings/locale-catalog.js';
import { translator } from '../strings/translator.js';
import { loadTemplate, type Template } from '../templates/catalog.js';
import { checkRunOptions, planCaches } from '../validate/notice-plan.js';

/** What a packet's sessions share: one catalog, translator, font set and caches for the whole packet. */
export type SharedState = Pick<Session, 'locales' | 'translate' | 'fonts' | 'caches'> & { readonly fontStreams: FontStreamCache };

/** A new catalog, translator, font set and caches: a session's own state, read from disk now. */
export function sessionState(options: SessionOptions): SharedState {
  const locales = localeCatalog(options.localeDirs ?? []);
  const caches = layoutCaches();
  // Only where a search starts: any step gives the same pages (layout/fit-hints.ts).
  for (const [kind, step] of options.fitHints ?? []) if (isStep(step)) caches.fitHints.set(kind, step, false);
  return {
    locales,
    translate: translator(locales),
    fonts: fontSet(options.fonts),
    caches,
    fontStreams: new FontStreamCache(),
  };
}

/**
 * One template's session: what every notice of it shares, read and made
 * here, owned by the session (no other session sees it). `template` is the
 * template when the caller has read it already.
 */
export function prepareSession(options: SessionOptions, shared?: SharedState, template?: Template): Session {
  const loaded = template ?? loadTemplate(options.template, options.templateDirs);
  const state = shared ?? sessionState(options);
  checkRunOptions(options, loaded, state.locales);
  // The run's languages are read now, so a malformed file stops it before any notice; rows' own languages on first use.
  if (options.languages) readStrings(state.locales, ['en', ...readLanguages(options.languages, knownLanguages(state.locales)).codes]);
  const fill = templateFill(loaded.source, `${loaded.dir}/template.hbs`);
  const source = `template ${loaded.manifest.id}`;
  const shapes = new MarkupShapes(
    fill,
    (markup) => parseMarkup(markup, source),
    (markup, base, count) => markupTemplate(markup, source, base, count),
  );
  return { options, template: loaded, fill, shapes, plans: planCaches(), ...state };
}
