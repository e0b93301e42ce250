import { drawPdf } from './draw/draw-pdf.js';
import { noticeContext } from './fill/notice-context.js';
import { fillTemplate } from './fill/fill-template.js';
import { layoutNotice } from './layout/layout-notice.js';
import { parseMarkup } from './parse/parse-markup.js';
import { PLACARD_VERSION } from './paths.js';
import type { RawRecord } from './read/business-file.js';
import type { RenderedNotice } from './request.js';
import type { Session } from './session/session.js';
import { planNotice } from './validate/notice-plan.js';

/**
 * The pipeline for one business, in order: validate → strings → fill →
 * parse → lay out → draw. Reading happens before (src/read/), writing after
 * (src/write/); loading templates, locales and fonts happens once per run
 * (src/session/). Each stage takes data and returns data; none touches `process`.
 * Problems with the record throw InputError.
 */
export async function renderRecord(session: Session, raw: RawRecord): Promise<RenderedNotice> {
  const { template } = session;
  const plan = planNotice(raw, session.options, template, session.locales);
  const markup = fillTemplate(template.source, `${template.dir}/template.hbs`, noticeContext(plan), {
    translate: session.translate,
    languages: plan.languages,
    arrange: plan.arrange,
  });
  const tree = parseMarkup(markup, `template ${template.manifest.id}`);
  const pages = layoutNotice(tree, { size: plan.size, fonts: session.fonts });
  const pdf = await drawPdf(pages, {
    title: tree.title,
    lang: tree.lang,
    author: plan.business.name,
    subject: template.manifest.title,
    date: plan.date,
    producer: `placard ${PLACARD_VERSION}`,
  });
  return { pdf, warnings: plan.warnings, pageCount: pages.length, languages: plan.languages.map((language) => language.code) };
}
