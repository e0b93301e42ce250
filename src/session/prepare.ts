import { join } from 'node:path';
import { layoutRecord, renderRecord } from '../pipeline.js';
import type { SessionOptions } from '../contract/public-api.js';
import { knownTemplateOrPacket } from '../templates/known-ids.js';
import { noticeDate } from '../validate/notice-plan.js';
import { preparePacket } from './prepare-packet.js';
import { prepareSession } from './prepare-session.js';
import { completeRenderer, type Renderer } from './renderer.js';

export type { LaidRecord, Renderer } from './renderer.js';

/**
 * Loads the template (or the packet's templates), locales, translator and
 * fonts, and checks the options that hold for the whole run (languages,
 * size, arrangement, link), once. Problems here are the run's, not a row's:
 * they throw (exit 2, or 1 for a bad link).
 */
export function prepare(options: SessionOptions): Renderer {
  if (knownTemplateOrPacket(options.template, options.templateDirs) === 'packet') return preparePacket(options);
  const session = prepareSession(options);
  const { template } = session;
  return completeRenderer({
    dispose: () => {
      session.caches.clear();
      session.fontStreams?.clear();
    },
    fitHints: () => session.caches.fitHints.entries(),
    id: template.manifest.id,
    title: template.manifest.title,
    options,
    fields: template.manifest.fields,
    date: noticeDate(options, template),
    inputs: [join(template.dir, 'template.hbs'), join(template.dir, 'template.yaml'), ...(options.fonts ?? [])],
    layout: (record) => {
      const laid = layoutRecord(session, record);
      return { pages: laid.pages, warnings: laid.plan.warnings };
    },
    renderWithPages: async (record) => {
      const { laid, ...rendered } = await renderRecord(session, record);
      return { ...rendered, pages: laid.pages };
    },
  });
}
