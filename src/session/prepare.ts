import { join } from 'node:path';
import type { LaidPage } from '../layout/items.js';
import { layoutRecord, renderRecord } from '../pipeline.js';
import type { RawRecord } from '../contract/record.js';
import type { RenderedNotice, RenderResult, SessionOptions, Warning } from '../contract/public-api.js';
import type { TemplateManifest } from '../templates/manifest.js';
import { knownTemplateOrPacket } from '../templates/known-ids.js';
import { noticeDate } from '../validate/notice-plan.js';
import { preparePacket } from './prepare-packet.js';
import { prepareSession, withRender } from './prepare-session.js';

/** Makes notices (one template, or a packet of them) for one session; `render` never throws for a problem with the record. */
export interface Renderer {
  /** The template or packet id: it names output files and the batch manifest. */
  readonly id: string;
  readonly title: string;
  readonly options: SessionOptions;
  /** Every field a record may carry: the template's, or the union of a packet's templates'. */
  readonly fields: TemplateManifest['fields'];
  /** The date of the PDFs this session makes. */
  readonly date: Date;
  /** Files the session reads, which no output may replace. */
  readonly inputs: readonly string[];
  render(record: RawRecord): Promise<RenderResult>;
  /** The stages up to lay out (for a combined file); a problem with the record throws InputError. */
  layout(record: RawRecord): LaidRecord;
  /** The whole pipeline, keeping the laid pages; a problem with the record throws InputError. */
  make(record: RawRecord): Promise<RenderedNotice & { readonly pages: readonly LaidPage[] }>;
}

export interface LaidRecord {
  readonly pages: readonly LaidPage[];
  readonly warnings: readonly Warning[];
}

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
  return withRender({
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
    make: async (record) => {
      const { laid, ...rendered } = await renderRecord(session, record);
      return { ...rendered, pages: laid.pages };
    },
  });
}
