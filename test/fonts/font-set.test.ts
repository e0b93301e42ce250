import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { fontSet, LIKELY_SCRIPTS, scriptsOf, type FontLibrary } from '../../src/fonts/font-set.js';
import { BUILTIN_LOCALES } from '../../src/paths.js';
import { layoutParagraph, type PlacedRun } from '../../src/text/paragraph.js';

function runs(text: string, lang: string, fonts: FontLibrary, bold = false): PlacedRun[] {
  const style = { size: 12, leading: 1.3, align: 'start', direction: 'ltr', bidi: 'auto', lang } as const;
  return layoutParagraph([{ text, bold, isolate: true }], style, 10_000, fonts.chain(lang)).lines.flat();
}
const familyOf = (text: string, lang: string, notice: string[]): string =>
  runs(text, lang, fontSet().forNotice(notice))[0]!.font.face.family;

describe("a template's faces: a language in another bundled family", () => {
  it('sets Urdu in Naskh, in its own section and in business data elsewhere on the notice', () => {
    const faces = { ur: 'Noto Sans Arabic' };
    expect(runs('لاہور کباب ہاؤس', 'ur', fontSet().forNotice(['en', 'ur'], faces))[0]!.font.face.family).toBe('Noto Sans Arabic');
    expect(runs('لاہور', 'en', fontSet().forNotice(['en', 'ur'], faces))[0]!.font.face.family).toBe('Noto Sans Arabic');
    // Without it, Urdu keeps Nastaliq; and the choice is per notice, not left behind in the shared font set.
    expect(familyOf('لاہور کباب ہاؤس', 'ur', ['en', 'ur'])).toBe('Noto Nastaliq Urdu');
    expect(familyOf('لاہور', 'en', ['en', 'ur'])).toBe('Noto Nastaliq Urdu');
  });
});

describe('fonts for business data by the notice languages', () => {
  it('knows the scripts a language writes', () => {
    expect(scriptsOf('zh-Hant')).toContain('Han');
    expect(scriptsOf('ko')).toEqual(['Hangul', 'Han']);
    expect(scriptsOf('ur')).toEqual(['Arabic']);
    expect(scriptsOf('my')).toEqual(['Myanmar']);
  });

  it("keeps each built-in language's likely script as ICU gives it, without asking ICU", () => {
    for (const [code, script] of LIKELY_SCRIPTS) expect([code, new Intl.Locale(code).maximize().script]).toEqual([code, script]);
    const builtIn = readdirSync(BUILTIN_LOCALES).filter((name) => statSync(join(BUILTIN_LOCALES, name)).isDirectory());
    expect(builtIn.filter((code) => !LIKELY_SCRIPTS.has(code))).toEqual([]);
  });

  it('draws a Han name in its own section with that section’s face', () => {
    expect(familyOf('金龍餐廳', 'zh-Hant', ['en', 'zh-Hant', 'zh-Hans'])).toBe('Noto Sans TC');
    expect(familyOf('金龙餐厅', 'zh-Hans', ['en', 'zh-Hant', 'zh-Hans'])).toBe('Noto Sans SC');
    expect(familyOf('金龍', 'ko', ['en', 'ko', 'zh-Hant'])).toBe('Noto Sans KR');
  });

  it('draws a Han name outside Chinese sections in TC when the notice has zh-Hant and not zh-Hans', () => {
    expect(familyOf('金龍餐廳', 'en', ['en', 'zh-Hant'])).toBe('Noto Sans TC');
    expect(familyOf('金龍餐廳', 'es', ['en', 'es', 'zh-Hant', 'ko'])).toBe('Noto Sans TC');
    expect(familyOf('金龍餐廳', 'en', ['en', 'zh-Hant', 'zh-Hans'])).toBe('Noto Sans SC');
    expect(familyOf('金龍餐廳', 'en', ['en'])).toBe('Noto Sans SC');
  });

  it('draws an Arabic-script name outside sections in Nastaliq when the notice has ur and not ar or fa', () => {
    expect(familyOf('لاہور کباب', 'en', ['en', 'ur'])).toBe('Noto Nastaliq Urdu');
    expect(familyOf('لاہور کباب', 'en', ['en', 'ur', 'ar'])).toBe('Noto Sans Arabic');
    expect(familyOf('لاہور کباب', 'en', ['en', 'fa', 'ur'])).toBe('Noto Sans Arabic');
    expect(familyOf('مخبز', 'ar', ['en', 'ar', 'ur'])).toBe('Noto Sans Arabic');
    expect(familyOf('لاہور', 'ur', ['en', 'ar', 'ur'])).toBe('Noto Nastaliq Urdu');
  });
});

describe('emoji in text', () => {
  it('takes the weight of its text, and gives the space after it back to the text font', () => {
    for (const bold of [false, true]) {
      const line = runs('Golden 🍞 Bakery', 'en', fontSet(), bold);
      const emoji = line.find((run) => run.text.includes('🍞'))!;
      expect(emoji.font.face.family).toBe('Noto Emoji');
      expect(emoji.font.face.weight).toBe(bold ? 700 : 400);
      expect(emoji.text).toBe('🍞');
      const after = line.find((run) => run.start > emoji.start)!;
      expect(after.text.startsWith(' ')).toBe(true);
      expect(after.font.face.family).toBe('Noto Sans');
    }
  });
});
