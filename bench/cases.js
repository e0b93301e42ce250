// The notices the benchmark renders, one function per case: (i) => Promise.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { renderNotice } from '../dist/session/render-notice.js';

const require = createRequire(import.meta.url);

/** Each render gets a different business name, as in a batch. */
const notice = (languages, name) => (i) =>
  renderNotice({
    template: 'private-areas',
    languages,
    sets: [`name=${name} ${i}`, 'contact_name=Rosa Delgado', 'contact_role=Owner', 'private_areas=Kitchen;Office'],
  });

/** The same English and Spanish text with plain PDFKit: its own wrapping, a font file read per document. */
const fontFile = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');
const strings = (lng) => ({
  ...JSON.parse(readFileSync(new URL(`../locales/${lng}/common.json`, import.meta.url))),
  ...JSON.parse(readFileSync(new URL(`../locales/${lng}/private-areas.json`, import.meta.url))),
});
const en = strings('en');
const es = strings('es');
function barePdfKit(i) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 36, info: { CreationDate: new Date(0) } });
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font(fontFile);
    doc.fontSize(24).text(`Lake Street Tortillería ${i}`, { align: 'center' });
    for (const s of [en, es]) {
      doc.fontSize(40).text(s.title).fontSize(24).text(s.subtitle).fontSize(18).text(s.warrant);
      doc
        .fontSize(14)
        .text(s.non_public)
        .text(s.ask_for_role.replace('{{contact_name}}', 'Rosa Delgado').replace('{{contact_role}}', 'Owner'));
      doc.fontSize(9).text(`${s.scan_label} ${s.not_advice}`).moveDown();
    }
    doc.end();
  });
}

export const CASES = {
  'placard private-areas, en+es': notice(['en', 'es'], 'Lake Street Tortillería'),
  'placard private-areas, ar+zh-Hans': notice(['ar', 'zh-Hans'], 'مخبز الأندلس 福满楼'),
  'bare PDFKit, en+es (baseline)': barePdfKit,
};
