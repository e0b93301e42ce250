import { InputError, TemplateError } from '../errors.js';
import type { TextRecord } from './context.js';
import type { PageSizeName } from '../contract/page-sizes.js';

export interface OverflowFacts {
  readonly size: PageSizeName;
  /** 1-based page of the notice. */
  readonly page: number;
  readonly minBody: number;
  /** The first larger paper on which the page fits, if any. */
  readonly fitsOn?: PageSizeName;
  /** Set when the page is a card (in points): a larger paper does not make a card larger. */
  readonly card?: { readonly width: number; readonly height: number };
}

/**
 * Why a page cannot fit, in terms the user can act on: the business field
 * that takes the most room; or, when the translated text of several
 * languages fills the page, the languages (with the arrangement or paper
 * that does fit); or else the template's own content, named by its largest
 * block.
 */
export function overflowError(texts: readonly TextRecord[], facts: OverflowFacts): InputError | TemplateError {
  const total = texts.reduce((sum, text) => sum + text.height, 0);
  const byField = new Map<string, { field: string; lang: string; height: number }>();
  for (const text of texts) {
    for (const field of new Set(text.fields)) {
      const key = `${field}\u0000${text.lang}`;
      const entry = byField.get(key) ?? { field, lang: text.lang, height: 0 };
      byField.set(key, { ...entry, height: entry.height + text.height });
    }
  }
  const fielded = [...byField.values()].reduce((sum, entry) => sum + entry.height, 0);
  const largest = [...byField.values()].sort((a, b) => b.height - a.height)[0];
  const where = facts.page > 1 ? `page ${facts.page} of the notice` : 'the notice';
  const start = `${where} does not fit on one ${facts.size} page even with body text at ${facts.minBody} pt`;
  const paper = facts.fitsOn ? `, or a larger page (--size ${facts.fitsOn} fits)` : '';
  if (largest && fielded >= total * 0.3) {
    return new InputError([
      {
        field: largest.field,
        message: `${start}; this field takes the most room (language ${largest.lang}): shorten it, choose fewer languages${paper}`,
      },
    ]);
  }
  const sections = texts.filter((text) => text.inSection);
  if (facts.card) return cardOverflow(sections.length > 0 ? sections : texts, facts.card, facts.minBody);
  const langs = [...new Set(sections.map((text) => text.lang))];
  const translated = sections.reduce((sum, text) => sum + text.height, 0);
  if (langs.length >= 2 && translated >= total * 0.5) {
    return new InputError([
      {
        field: 'languages',
        value: langs.join(','),
        message: `${start}: ${langs.length} languages are too much text for one page; use --arrange pages (one language per page), choose fewer languages${paper}`,
      },
    ]);
  }
  const block = [...texts].sort((a, b) => b.height - a.height)[0];
  const blame = block
    ? `its largest text is "${clip(block.sample)}" (language ${block.lang}, ${Math.round((100 * block.height) / Math.max(total, 1))}% of its text)`
    : 'it holds no text, so its fixed blocks (spacers, QR codes, rules) are what overflow';
  if (facts.fitsOn) {
    return new InputError([
      {
        field: 'size',
        value: facts.size,
        message: `${start}: the template's own content is too long for this paper; ${blame}; use --size ${facts.fitsOn}`,
      },
    ]);
  }
  return new TemplateError(
    `${start}, nor on any larger page: the template's own content overflows; ${blame}. Shorten that text in the template`,
  );
}

/**
 * A card side that cannot hold its language's text: the language, and what to
 * do. A card has one size whatever the paper, so the text would have to be
 * clipped, and placard never clips.
 */
function cardOverflow(texts: readonly TextRecord[], card: { width: number; height: number }, minBody: number): InputError {
  const byLang = new Map<string, number>();
  for (const text of texts) byLang.set(text.lang, (byLang.get(text.lang) ?? 0) + text.height);
  const lang = [...byLang].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'en';
  const inches = (points: number) => String(Math.round((points / 72) * 100) / 100);
  return new InputError([
    {
      field: 'languages',
      value: lang,
      message:
        `the ${inches(card.width)} × ${inches(card.height)} in card does not fit its text in language ${lang} even with body ` +
        `text at ${minBody} pt, and placard never clips a card: print ${lang} on a full-page notice instead (such as the staff ` +
        `sheet), or have a translator shorten the card's ${lang} strings`,
    },
  ]);
}

function clip(text: string): string {
  const chars = [...text];
  return chars.length > 60 ? `${chars.slice(0, 57).join('')}…` : text;
}
