import { join } from 'node:path';
import { InputError } from '../errors.js';
import { fontSet } from '../fonts/font-chain.js';
import { renderRecord } from '../pipeline.js';
import type { RawRecord } from '../read/business-file.js';
import type { RenderResult, SessionOptions } from '../request.js';
import type { Session } from './session.js';
import { localeCatalog } from '../strings/locale-catalog.js';
import { translator } from '../strings/translator.js';
import { loadTemplate } from '../templates/catalog.js';
import { checkRunOptions } from '../validate/notice-plan.js';

/** Makes notices for one session; `render` never throws for a problem with the record. */
export interface Renderer {
  readonly session: Session;
  /** Files the session reads, which no output may replace. */
  readonly inputs: readonly string[];
  render(record: RawRecord): Promise<RenderResult>;
}

/**
 * Loads the template, locales, translator and fonts, and checks the options
 * that hold for the whole run (languages, size, arrangement, link), once.
 * Problems here are the run's, not a row's: they throw (exit 2, or 1 for a bad link).
 */
export function prepare(options: SessionOptions): Renderer {
  const template = loadTemplate(options.template, options.templateDirs);
  const catalog = localeCatalog(options.localeDirs ?? []);
  checkRunOptions(options, template, catalog);
  const session: Session = { options, template, locales: catalog, translate: translator(catalog), fonts: fontSet(options.fonts) };
  return {
    session,
    inputs: [join(template.dir, 'template.hbs'), join(template.dir, 'template.yaml'), ...(options.fonts ?? [])],
    render: async (record) => {
      try {
        const { laid: _laid, ...rendered } = await renderRecord(session, record);
        return { ok: true, ...rendered };
      } catch (error) {
        if (error instanceof InputError) return { ok: false, problems: error.problems, warnings: [] };
        throw error;
      }
    },
  };
}
