import { drawPdf } from './draw/draw-pdf.js';
import { noticeContext } from './fill/notice-context.js';
import { fillTemplate } from './fill/fill-template.js';
import { fontSet } from './fonts/font-chain.js';
import { layoutNotice } from './layout/layout-notice.js';
import { parseMarkup } from './parse/parse-markup.js';
import { PLACARD_VERSION } from './paths.js';
import { readBusinessFile, type RawRecord } from './read/business-file.js';
import { parseSetFlags } from './read/set-flags.js';
import type { RenderedNotice, RenderRequest } from './request.js';
import { locales } from './strings/locale-catalog.js';
import { translator } from './strings/translator.js';
import { loadTemplate } from './templates/catalog.js';
import { planNotice } from './validate/notice-plan.js';
import { writeAtomic } from './write/atomic-write.js';

/**
 * The pipeline, in order: read → validate → strings → fill → parse → lay out → draw → write.
 * Each stage takes data and returns data; none of them touches `process`.
 */
export async function renderNotice(request: RenderRequest): Promise<RenderedNotice> {
  const raw = readInput(request);
  const template = loadTemplate(request.template, request.templateDirs);
  const plan = planNotice(raw, request, template, locales());
  const translate = translator(locales());
  const markup = fillTemplate(template.source, `${template.dir}/template.hbs`, noticeContext(plan), {
    translate,
    languages: plan.languages,
    arrange: plan.arrange,
  });
  const tree = parseMarkup(markup, `template ${template.manifest.id}`);
  const fonts = fontSet(request.fonts).forNotice(plan.languages.map((language) => language.code));
  const pages = layoutNotice(tree, { size: plan.size, fonts });
  const pdf = await drawPdf(pages, {
    title: tree.title,
    lang: tree.lang,
    author: plan.business.name,
    subject: template.manifest.title,
    date: plan.date,
    producer: `placard ${PLACARD_VERSION}`,
  });
  return { pdf, warnings: plan.warnings, pageCount: pages.length };
}

/** Renders, then writes the PDF atomically. */
export async function renderNoticeToFile(request: RenderRequest, output: string): Promise<RenderedNotice> {
  const rendered = await renderNotice(request);
  await writeAtomic(output, rendered.pdf);
  return rendered;
}

/** The read stage: the data file, then --set values on top. */
function readInput(request: RenderRequest): RawRecord {
  const fromFile = request.dataFile ? readBusinessFile(request.dataFile) : {};
  return { ...fromFile, ...parseSetFlags(request.sets ?? []) };
}
