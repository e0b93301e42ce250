import { describe, expect, it } from 'vitest';

import { InputError, TemplateError } from '../../src/errors.js';
import { fontSet } from '../../src/fonts/font-set.js';
import { assertFinite } from '../../src/layout/finite.js';
import { layoutNotice } from '../../src/layout/layout-notice.js';
import { parseMarkup } from '../../src/parse/parse-markup.js';
import { thrown } from '../helpers/thrown.js';
import { glyphRuns, layPage, notice } from './laid-items.js';

const SENTENCE = 'Staff only beyond this point. Please ask at the counter if you need help with anything today. ';

describe('a page that cannot fit', () => {
  it("names the template's own text, not the languages, when one language's fixed text overflows", () => {
    const body = `<section lang="en"><h1>Private</h1>${`<p>${SENTENCE.repeat(8)}</p>`.repeat(11)}</section>`;
    const error = thrown(InputError, () => layPage(body, 'letter'));
    expect(error.problems[0]!.field).toBe('size');
    expect(error.problems[0]!.message).toContain("the template's own content is too long");
    expect(error.problems[0]!.message).toContain('Staff only beyond this point');
    expect(error.problems[0]!.message).toMatch(/--size (legal|tabloid)/);
    expect(error.message).not.toContain('languages are too much');
  });

  it('is a TemplateError when the template text fits on no paper', () => {
    const body = `<h1>Private</h1>${`<p>${SENTENCE.repeat(20)}</p>`.repeat(20)}`;
    const error = thrown(TemplateError, () => layPage(body, 'letter'));
    expect(error.message).toContain("the template's own content overflows");
    expect(error.message).toContain('Staff only beyond this point');
  });

  it('suggests one language per page, or the paper that fits, when many languages fill the page', () => {
    const section = (lang: string) => `<section lang="${lang}"><h1>Private area</h1>${`<p>${SENTENCE.repeat(3)}</p>`.repeat(2)}</section>`;
    const body = ['en', 'es', 'fr', 'pt', 'tl', 'vi'].map(section).join('<rule/>');
    const error = thrown(InputError, () => layPage(body, 'letter'));
    expect(error.problems[0]!.field).toBe('languages');
    expect(error.problems[0]!.message).toContain('--arrange pages');
    expect(error.problems[0]!.message).toMatch(/--size (legal|tabloid) fits/);
  });
});

describe('coordinates', () => {
  it('are finite whatever the attributes', () => {
    const bodies = [
      '<columns><column weight="0"><p>Zero</p></column><column weight="0"><p>weights</p></column></columns>',
      '<spacer size="2000" grow="0"/><p>After a tall spacer</p>',
      '<spacer grow="100"/><p>x</p><spacer grow="0"/>',
      '<columns wrap="yes"><column weight="100"><p>a</p></column></columns>',
      '<box tone="dark"><columns><column><p>Nested</p></column><column><box tone="outline"><p>boxes</p></box></column></columns></box>',
      '<p size="meta">A very long version line that goes on and on '.repeat(1) + 'x'.repeat(400) + '</p>',
      '<h1></h1><p></p><list></list>',
    ];
    for (const body of bodies) {
      let pages;
      try {
        pages = layoutNotice(parseMarkup(notice([body]), 'test'), { size: 'letter', fonts: fontSet() });
      } catch (error) {
        // A page too tall is a clear error, never NaN.
        expect(error).toBeInstanceOf(TemplateError);
        continue;
      }
      expect(() => assertFinite(pages)).not.toThrow();
    }
  });

  it('are checked in one place, which calls a non-finite number a bug', () => {
    const page = layPage('<p>Fine</p>');
    const run = glyphRuns(page.nodes)[0]!;
    const broken = { ...page, nodes: [{ role: 'P' as const, items: [{ ...run, x: Number.NaN }], children: [] }] };
    expect(() => assertFinite([broken])).toThrow(/layout bug: a glyphs item on page 1 has x = NaN/);
  });
});
