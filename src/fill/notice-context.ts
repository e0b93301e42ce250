import { PLACARD_VERSION } from '../paths.js';
import type { NoticePlan } from '../validate/notice-plan.js';

/** The values a template can use, built from a plan. Plain data only. */
export function noticeContext(plan: NoticePlan) {
  const { business, languages, template } = plan;
  return {
    business,
    languages,
    primary: languages[0]!,
    arrange: plan.arrange,
    /** The arrangement, as a flag a template can test: `{{#if arranged.officer}}`. */
    arranged: { [plan.arrange]: true } as Readonly<Partial<Record<NoticePlan['arrange'], true>>>,
    /** The paper, as a flag a template can test: `{{#if paper.decal}}` (a 4 × 4 in sticker leaves out what does not fit it). */
    paper: { [plan.size]: true } as Readonly<Partial<Record<NoticePlan['size'], true>>>,
    rightsUrl: plan.rightsUrl,
    template: { id: template.manifest.id, title: template.manifest.title, version: template.manifest.version },
    placardVersion: PLACARD_VERSION,
    /**
     * e.g. "en · es*": each language, a draft (unreviewed) translation marked
     * with an asterisk, for the version line. Not the word "draft": on a
     * public sign a reader would take it as a word about the notice. The PDF's
     * metadata says it in full (versionKeywords).
     */
    languageStatus: languages.map((language) => (language.status === 'draft' ? `${language.code}*` : language.code)).join(' · '),
    /** Every language is written right to left: the footer mirrors (the QR code on the left). */
    rtl: languages.every((language) => language.dir === 'rtl'),
    /** The address as separate business fields, each with the separator that goes before it: "1510 E Lake St · Minneapolis, MN 55407". */
    address: addressParts(business),
  };
}

/**
 * What of a plan, but its business, noticeContext reads (the template is the session's): a record's shape
 * (markup-shapes.ts) is this and its business's shape. Whatever noticeContext comes to read must be here.
 */
export function shapeOfPlan(plan: NoticePlan): unknown[] {
  return [
    plan.arrange,
    plan.size,
    plan.rightsUrl,
    plan.template.manifest.id,
    plan.languages.map((language) => [language.code, language.dir, language.name, language.status]),
  ];
}

const ADDRESS: readonly [field: string, separator: string][] = [
  ['street', ''],
  ['city', ' · '],
  ['region', ', '],
  ['postal_code', ' '],
  ['country', ' · '],
];

function addressParts(business: NoticePlan['business']): { field: string; value: string; separator: string }[] {
  const present = ADDRESS.filter(([field]) => typeof business[field] === 'string' && business[field] !== '');
  return present.map(([field, separator], index) => ({ field, value: business[field] as string, separator: index === 0 ? '' : separator }));
}

/**
 * The version line in full, for the PDF's Keywords: on small signs it is
 * printed nowhere else, and on every sign it says in words which
 * translations are drafts (the printed line only marks them with "*").
 */
export function versionKeywords(plan: NoticePlan): string {
  const { template, languages } = plan;
  const drafts = languages.filter((language) => language.status === 'draft').map((language) => language.code);
  return [
    `${template.manifest.id} ${template.manifest.version}`,
    `languages: ${languages.map((language) => language.code).join(', ')}`,
    ...(drafts.length > 0 ? [`draft translations, not yet reviewed by a fluent speaker: ${drafts.join(', ')}`] : []),
    `placard ${PLACARD_VERSION}`,
  ].join('; ');
}
