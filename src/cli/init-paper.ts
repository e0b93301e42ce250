import type { PageSizeName } from '../contract/page-sizes.js';

/**
 * Countries whose paper is US Letter (as glibc's LC_PAPER data has them):
 * the United States and its territories, Canada, Mexico, the Philippines,
 * and much of Central and South America. Everywhere else prints on A4.
 */
const LETTER_TERRITORIES = new Set(['US', 'PR', 'CA', 'MX', 'PH', 'BZ', 'CL', 'CO', 'CR', 'DO', 'GT', 'NI', 'PA', 'SV', 'VE']);

/** How each paper is offered, in this order. */
export const PAPER_CHOICES: readonly { value: PageSizeName; name: string }[] = [
  { value: 'letter', name: 'Letter (8.5 × 11 in), the usual paper in the US and Canada' },
  { value: 'a4', name: 'A4 (210 × 297 mm), the usual paper almost everywhere else' },
  { value: 'half-letter', name: 'Half letter (5.5 × 8.5 in)' },
  { value: 'decal', name: 'Decal (4 × 4 in), a sticker for a door or a window' },
  { value: 'legal', name: 'Legal (8.5 × 14 in)' },
  { value: 'tabloid', name: 'Tabloid (11 × 17 in)' },
];

/**
 * The paper the system's locale suggests: the territory of LC_ALL, else
 * LC_PAPER, else LANG (POSIX order), e.g. en_US.UTF-8 → letter,
 * de_DE.UTF-8 → a4. A locale with no territory (C, POSIX, C.UTF-8, unset)
 * gives letter, the notices' own default.
 */
export function systemPaper(env: Readonly<Record<string, string | undefined>>): 'letter' | 'a4' {
  const locale = [env.LC_ALL, env.LC_PAPER, env.LANG].find((value) => value !== undefined && value !== '');
  const territory = /^[A-Za-z]{2,3}[_-]([A-Za-z]{2})\b/.exec(locale ?? '')?.[1]?.toUpperCase();
  if (territory === undefined) return 'letter';
  return LETTER_TERRITORIES.has(territory) ? 'letter' : 'a4';
}
