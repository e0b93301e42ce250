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
    rightsUrl: plan.rightsUrl,
    template: { id: template.manifest.id, title: template.manifest.title, version: template.manifest.version },
    placardVersion: PLACARD_VERSION,
    /** e.g. "en · es draft": the status of each translation, for the version line. */
    languageStatus: languages.map((language) => (language.status === 'draft' ? `${language.code} draft` : language.code)).join(' · '),
    addressLine: [business.street, [business.city, business.region].filter(Boolean).join(', '), business.postal_code]
      .filter((part) => typeof part === 'string' && part !== '')
      .join(' · '),
  };
}
