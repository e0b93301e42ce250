/**
 * Stable public landing pages with rights information (see content.md).
 * Templates name one as their default; --rights-url or a rights_url field overrides it.
 */
export const RIGHTS_LINKS = {
  'ilrc-red-cards': 'https://www.ilrc.org/red-cards',
  'aclu-immigrants-rights': 'https://www.aclu.org/know-your-rights/immigrants-rights',
  'nilc-know-your-rights': 'https://www.nilc.org/get-involved/community-education-resources/know-your-rights/',
  'informed-immigrant': 'https://www.informedimmigrant.com/resources/detention-deportation/know-your-rights/',
} as const;

export type RightsLinkKey = keyof typeof RIGHTS_LINKS;

/** An http(s) link, or the reason it is not one. */
export function checkLink(value: string): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: `expected a web link starting with https:// (or http://), found "${value}"` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `only https: and http: links are allowed, found a ${url.protocol} link` };
  }
  return { ok: true, url: value };
}
