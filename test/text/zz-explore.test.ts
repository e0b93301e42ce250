import { it } from 'vitest';
import { fontSet } from '../../src/fonts/font-chain.js';
import { embeddingLevels } from '../../src/text/bidi.js';
import { layoutParagraph, type ParagraphStyle } from '../../src/text/paragraph.js';

const show = (text: string, style: Partial<ParagraphStyle>, width: number) => {
  const s: ParagraphStyle = { size: 12, leading: 1.3, align: 'start', direction: 'ltr', lang: 'en', ...style };
  try {
    const lay = layoutParagraph([{ text, bold: false }], s, width, fontSet().chain(s.lang));
    console.log('---', JSON.stringify(text), width, 'broke', lay.brokeWord);
    for (const l of lay.lines)
      console.log(
        l
          .map(
            (r) =>
              `${JSON.stringify(r.text)}@${r.x.toFixed(2)}+${r.width.toFixed(2)}=${(r.x + r.width).toFixed(2)} ${r.font.face.family} ${r.glyphs.map((g) => g.id).join(',')}`,
          )
          .join(' | '),
      );
  } catch (e) {
    console.log('ERR', JSON.stringify(text), String(e));
  }
};

it('explore', () => {
  console.log(Array.from(embeddingLevels([{ text: 'مرحبا 😀 بكم' }], 'rtl')).join(''));
  show('مرحبا 😀 بكم', { direction: 'rtl', lang: 'ar' }, 300);
  show('Hi 😀 مرحبا ❤️ ok', {}, 300);
  show('استقبالكمواستقبالكمواستقبالكم', { direction: 'rtl', lang: 'ar' }, 60);
  show('Supercalifragilisticexpialidocious', {}, 50);
  show('नमस्तेक्षत्रियनमस्तेक्षत्रिय', { lang: 'hi' }, 40);
  show('我们的店铺欢迎所有人光临本店请遵守规定', { lang: 'zh-Hans' }, 50);
  show('Welcome to مخبز today and come again', {}, 400);
  show('Visit مخبز 24 now', {}, 400);
  show('The quick brown fox jumps over the lazy dog and keeps running far away', {}, 100);
  show('T-V T-Y AVAVA-VAVAV', {}, 40);
  show('\uE000', {}, 100);
  show('a\u{10000}', {}, 100);
  show('안녕하세요 world 世界', { lang: 'ko' }, 300);
  show('Hello 世界 123', { lang: 'zh-Hant' }, 300);
  show('Hello 世界 123', { lang: 'zh-Hans' }, 300);
  show('Hello 世界 123', { lang: 'en' }, 300);
  show('ሰላም hello', { lang: 'am' }, 300);
  show('ရွှေမြန်မာ hello', { lang: 'my' }, 300);
  show('Caf\u00e9 Cafe\u0301', { lang: 'en' }, 300);
  show('line one\nline two', { lang: 'en' }, 300);
});
