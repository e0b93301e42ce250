import { codeOf, printable } from './text-hygiene.js';

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

/** Longer links make a QR code too dense to scan reliably at the printed size. */
export const MAX_LINK_LENGTH = 300;

/**
 * The one rule for every link placard prints and encodes (--rights-url, a
 * rights_url field, a template's <qr href>): an https: or http: link with a
 * host, and nothing the URL parser would quietly drop or change (white
 * space, control characters, backslashes). What was checked is exactly what
 * is printed and put in the QR code.
 */
export function checkLink(value: string): { ok: true; url: string } | { ok: false; reason: string } {
  const hidden = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\\]/u.exec(value)?.[0];
  if (hidden !== undefined) {
    const what = hidden === '\\' ? 'a backslash' : /\s/u.test(hidden) ? 'white space' : 'an invisible or control character';
    return {
      ok: false,
      reason: `the link contains ${what} (${codeOf(hidden)}); give the link exactly, like https://example.org/rights, with no spaces`,
    };
  }
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
    return { ok: false, reason: `expected a web link starting with https:// (or http://), found "${printable(value, 60)}"` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `only https: and http: links are allowed, found a ${printable(url.protocol, 20)} link` };
  }
  if (!/^https?:\/\/[^/?#]/i.test(value) || url.hostname === '') {
    return { ok: false, reason: `expected a web link like https://example.org/rights, found "${printable(value, 60)}"` };
  }
  return { ok: true, url: value };
}
