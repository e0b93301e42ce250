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
/** Longer links make a QR code too dense to scan reliably at the printed size. */
export const MAX_LINK_LENGTH = 300;

export function checkLink(value: string): { ok: true; url: string } | { ok: false; reason: string } {
  if (value.length > MAX_LINK_LENGTH) {
    return {
      ok: false,
      reason: `the link has ${value.length} characters; at most ${MAX_LINK_LENGTH} fit a QR code that scans well, so use a shorter link`,
    };
  }
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
