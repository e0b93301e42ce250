import { InputError } from './errors.js';
import { drawPdf, openDocument, type DocumentInfo, type DocumentWriter } from './draw/draw-pdf.js';
import type { FontStreamCache } from './draw/font-stream-cache.js';
import type { FontSet } from './fonts/font-set.js';
import { noticeContext, versionKeywords } from './fill/notice-context.js';
import type { TemplateFill } from './fill/fill-template.js';
import type { MarkupShapes } from './fill/markup-shapes.js';
import type { LaidPage } from './layout/items.js';
import { cardSize, impose } from './impose/impose.js';
import { FloorsNotKept, pagedMessage, shortfallMessage, type KeyLineShortfall } from './layout/key-line.js';
import type { LayoutCaches } from './layout/layout-caches.js';
import { layoutNotice } from './layout/layout-notice.js';
import type { NoticeTree } from './parse/notice-tree.js';
import { parseMarkup } from './parse/parse-markup.js';
import { PLACARD_VERSION } from './paths.js';
import type { RawRecord } from './contract/record.js';
import type { RenderedNotice, SessionOptions } from './contract/public-api.js';
import type { Locale } from './strings/locale-catalog.js';
import { takeTranslationWarnings, type Translate } from './strings/translator.js';
import type { Template } from './templates/catalog.js';
import type { Business } from './validate/business.js';
import { defaultArrangement, planNotice, type NoticePlan, type PlanCaches } from './validate/notice-plan.js';

/**
 * Everything loaded and checked once for a run (src/session/ loads it): the
 * same for every notice. Its caches are its own: no other session sees them.
 */
export interface Session {
  readonly options: SessionOptions;
  readonly template: Template;
  /** The template compiled, on first use. */
  readonly fill: TemplateFill;
  readonly locales: ReadonlyMap<string, Locale>;
  readonly translate: Translate;
  readonly fonts: FontSet;
  readonly caches: LayoutCaches;
  /** Embedded fonts compressed for notices before, by glyph set (draw/font-stream-cache.ts); a session made elsewhere may have none. */
  readonly fontStreams?: FontStreamCache;
  /** What planning works out alike for every notice (known languages, --lang read into tags); a session made elsewhere may have none. */
  readonly plans?: PlanCaches;
  /** The template filled and parsed once per shape of record, with `fill` (fill/markup-shapes.ts); a session made elsewhere may have none. */
  readonly shapes?: MarkupShapes<NoticeTree>;
}

/** A notice laid out and ready to draw, on its own or into a combined file. */
export interface LaidNotice {
  readonly plan: NoticePlan;
  readonly title: string;
  readonly lang: string;
  readonly pages: readonly LaidPage[];
}

/**
 * The pipeline for one business, in order: validate → strings → fill →
 * parse → lay out → impose → draw. Reading happens before (src/read/), writing after
 * (src/write/); loading templates, locales and fonts happens once per run
 * (src/session/). Each stage takes data and returns data; none touches `process`.
 * Problems with the record throw InputError.
 */
export async function renderRecord(session: Session, raw: RawRecord): Promise<RenderedNotice & { readonly laid: LaidNotice }> {
  const laid = layoutRecord(session, raw);
  const pdf = await drawPages(laid.pages, noticeInfo(laid), session.fontStreams);
  const { plan } = laid;
  return { pdf, warnings: plan.warnings, pageCount: laid.pages.length, languages: plan.languages.map((language) => language.code), laid };
}

/**
 * The stages up to drawing: validate → strings → fill → parse → lay out →
 * impose. A door sign whose key line cannot keep its least size with its
 * languages on one page goes one language per page when the user left
 * --arrange open (layout/key-line.ts); either way a warning says so.
 * `checked` is the record already validated (a packet checks it once for all its notices).
 */
export function layoutRecord(session: Session, raw: RawRecord, checked?: Business): LaidNotice {
  const shortfalls: KeyLineShortfall[] = [];
  let laid: LaidNotice | FloorsShort;
  try {
    laid = layoutRecordOnce(session, raw, shortfalls, checked);
  } catch (error) {
    const paged = error instanceof InputError ? pagesInstead(session, raw, error, checked) : undefined;
    if (!paged) throw error;
    return paged;
  }
  if ('business' in laid) return pagesForKeyLine(session, raw, shortfalls, laid.business);
  if (shortfalls.length === 0) return laid;
  // A flowing page does not stop at a shortfall (layoutNotice): when it printed smaller, the same choice is made here.
  // Only the sizes the theme asks of a page's languages choose pages; a softer aim (three or four languages) only warns.
  if (mayGoToPages(session, laid.plan) && shortfalls.some((one) => !one.soft))
    return pagesForKeyLine(session, raw, shortfalls, laid.plan.business);
  const warnings = shortfalls.map((one) => ({ message: shortfallMessage(one, { chosePages: false }) }));
  return { ...laid, plan: { ...laid.plan, warnings: [...laid.plan.warnings, ...warnings] } };
}

/**
 * The notice one language per page because a page could not keep its key
 * line's least size with its languages, with warnings that say so. The record
 * was validated for the first layout: the same check, whatever the arrangement.
 */
function pagesForKeyLine(session: Session, raw: RawRecord, shortfalls: readonly KeyLineShortfall[], business: Business): LaidNotice {
  const again: KeyLineShortfall[] = [];
  const paged = layoutPaged(session, raw, again, business);
  const warnings = [...shortfalls.map(pagedMessage), ...again.map((one) => ({ message: shortfallMessage(one, { chosePages: true }) }))];
  return { ...paged, plan: { ...paged.plan, warnings: [...paged.plan.warnings, ...warnings] } };
}

/** Whether placard may put a notice's languages one per page: the user left --arrange open, and the template allows it. */
function mayGoToPages(session: Session, plan: NoticePlan): boolean {
  return (
    session.options.arrange === undefined &&
    plan.arrange !== 'pages' &&
    plan.languages.length > 1 &&
    session.template.manifest.arrangements.includes('pages')
  );
}

/** A notice whose page could not keep its key line's least size, to be laid out one language per page instead. */
interface FloorsShort {
  /** The record as validated. */
  readonly business: Business;
}

/**
 * A notice whose languages do not fit one page in the arrangement placard
 * chose: when the user left --arrange open and the template allows it, one
 * language per page, with a warning that says so (and which paper keeps them
 * on one page). Undefined when that does not apply or does not help; the
 * caller then throws the first error.
 */
function pagesInstead(session: Session, raw: RawRecord, error: InputError, checked?: Business): LaidNotice | undefined {
  if (session.options.arrange !== undefined || !session.template.manifest.arrangements.includes('pages')) return undefined;
  let paged: LaidNotice;
  const again: KeyLineShortfall[] = [];
  try {
    paged = layoutPaged(session, raw, again, checked);
  } catch {
    return undefined;
  }
  const count = paged.plan.languages.length;
  if (count < 2) return undefined;
  const fits = error.problems.map((problem) => /--size (\S+) fits/.exec(problem.message)?.[1]).find(Boolean);
  const larger = fits ? `; --size ${fits} keeps them on one page` : '';
  const message =
    defaultArrangement(session.template, count) === 'duplex'
      ? `duplex cards hold two languages (one on each side), so each of the ${count} languages has its own sheet (--arrange pages)`
      : `${count} languages do not fit one ${paged.plan.size} page, so each language has its own page (--arrange pages)${larger}`;
  const warnings = [{ message }, ...again.map((one) => ({ message: shortfallMessage(one, { chosePages: true }) }))];
  return { ...paged, plan: { ...paged.plan, warnings: [...paged.plan.warnings, ...warnings] } };
}

/** The notice one language per page (which never stops at a shortfall: only an arrangement left open does). */
function layoutPaged(session: Session, raw: RawRecord, shortfalls: KeyLineShortfall[], checked?: Business): LaidNotice {
  const laid = layoutRecordOnce({ ...session, options: { ...session.options, arrange: 'pages' } }, raw, shortfalls, checked);
  if ('business' in laid) throw new Error('a notice laid out one language per page stopped at a shortfall');
  return laid;
}

/**
 * The notice laid out in the session's arrangement. When the user left
 * --arrange open and the template allows one language per page, a sign of
 * several languages whose page cannot keep its key line's least size stops
 * there (FloorsShort, the shortfall reported): the caller lays it out one
 * language per page, so no smaller page is laid out only to be thrown away.
 */
function layoutRecordOnce(session: Session, raw: RawRecord, shortfalls: KeyLineShortfall[], checked?: Business): LaidNotice | FloorsShort {
  const { template } = session;
  const plan = planNotice(raw, session.options, template, session.locales, checked, session.plans);
  const data = { translate: session.translate, languages: plan.languages, arrange: plan.arrange };
  const tree = session.shapes
    ? session.shapes.notice(plan, data)
    : parseMarkup(session.fill(noticeContext(plan), data), `template ${template.manifest.id}`);
  const fonts = session.fonts.forNotice(
    plan.languages.map((language) => language.code),
    template.theme.faces,
  );
  const card = cardSize(template.manifest);
  const onShortfall = (shortfall: KeyLineShortfall) => shortfalls.push(shortfall);
  const stopAtShortfall = mayGoToPages(session, plan);
  let laidPages: LaidPage[];
  try {
    laidPages = layoutNotice(tree, {
      size: plan.size,
      fonts,
      theme: template.theme,
      page: card,
      onShortfall,
      stopAtShortfall,
      caches: session.caches,
    });
  } catch (error) {
    if (error instanceof FloorsNotKept) return { business: plan.business };
    throw error;
  }
  const pages = impose(laidPages, { sheet: plan.size, arrange: plan.arrange, card, bleedMm: session.options.bleed });
  // Strings that printed in English, or were translated from older English: said once a run (src/strings/translator.ts).
  const warnings = [...plan.warnings, ...takeTranslationWarnings(session.translate)];
  return { plan: { ...plan, warnings }, title: tree.title, lang: tree.lang, pages };
}

/**
 * The draw stage: laid pages (one notice, or a packet's notices with their bookmarks) into one PDF.
 * `fontStreams`, the session's, saves compressing fonts again; the bytes are the same without it.
 */
export function drawPages(pages: readonly LaidPage[], info: DocumentInfo, fontStreams?: FontStreamCache): Promise<Uint8Array> {
  return drawPdf(pages, info, fontStreams);
}

/** The draw stage for many notices in one file (batch --combined): pages are added as they come. */
export function openPrintFile(info: DocumentInfo): DocumentWriter {
  return openDocument(info);
}

/** The PDF's metadata, with the producer every placard PDF names. */
export function documentInfo(info: Omit<DocumentInfo, 'producer'>): DocumentInfo {
  return { ...info, producer: `placard ${PLACARD_VERSION}` };
}

/** The PDF's metadata for one notice. */
export function noticeInfo(laid: LaidNotice): DocumentInfo {
  return documentInfo({
    title: laid.title,
    lang: laid.lang,
    author: laid.plan.business.name,
    subject: laid.plan.template.manifest.title,
    keywords: versionKeywords(laid.plan),
    date: laid.plan.date,
  });
}
