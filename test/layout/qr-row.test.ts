import { describe, expect, it } from 'vitest';

import { TemplateError } from '../../src/errors.js';
import { mm } from '../../src/contract/page-sizes.js';
import { parseMarkup } from '../../src/parse/parse-markup.js';
import { thrown } from '../helpers/thrown.js';
import { allItems, glyphRuns, layPage, notice, qrItems, runWith } from './laid-items.js';

const RIGHTS = 'https://www.ilrc.org/red-cards';
const REPORT = 'https://www.example.org/city/report-an-incident-with-federal-agents';

const ROW = `<qr-row>
  <qr href="${RIGHTS}" caption="${RIGHTS}" size="40" tone="dark">
    <section lang="en"><p size="small" align="center"><b>Know your rights</b></p></section>
    <section lang="es"><p size="small" align="center"><b>Conozca sus derechos</b></p></section>
  </qr>
  <qr href="${REPORT}" caption="${REPORT}" size="40" tone="outline">
    <section lang="en"><p size="small" align="center"><b>Document an incident</b></p></section>
    <section lang="es"><p size="small" align="center"><b>Documente un incidente</b></p></section>
  </qr>
</qr-row>`;

describe('a row of QR codes', () => {
  it('gives each code a heading band of its own tone: a dark one and an outlined one, the same height, tops in line', () => {
    const page = layPage(ROW);
    const bands = allItems(page.nodes).filter((item) => item.type === 'rect');
    expect(bands).toHaveLength(2);
    const [dark, outline] = bands as Extract<(typeof bands)[number], { type: 'rect' }>[];
    expect(dark!.fill).toBeDefined();
    expect(dark!.stroke).toBeUndefined();
    expect(outline!.fill).toBeUndefined();
    expect(outline!.stroke).toBeDefined();
    expect(outline!.y).toBeCloseTo(dark!.y, 6);
    expect(outline!.height).toBeCloseTo(dark!.height, 6);
    expect(outline!.x).toBeGreaterThan(dark!.x + dark!.width);
    // Each heading sits inside its own band.
    const know = runWith(glyphRuns(page.nodes), 'Know your rights');
    const document = runWith(glyphRuns(page.nodes), 'Document an');
    expect(know.y).toBeGreaterThan(dark!.y);
    expect(know.y).toBeLessThan(dark!.y + dark!.height);
    expect(document.x).toBeGreaterThan(outline!.x);
    expect(know.color).not.toBe(document.color); // light text on the dark band
  });

  it('prints both codes at 40 mm or more on Letter, quiet zone excluded, their code tops in line, each band beside its code', () => {
    const page = layPage(ROW);
    const codes = qrItems(page.nodes);
    const bands = allItems(page.nodes).filter((item) => item.type === 'rect');
    codes.forEach((code, i) => {
      expect(bands[i]!.x + bands[i]!.width).toBeLessThanOrEqual(code.x + 1e-6);
      expect(bands[i]!.y).toBeLessThanOrEqual(code.y + 1e-6);
      expect(bands[i]!.y + bands[i]!.height).toBeGreaterThanOrEqual(code.y + code.size - 1e-6);
    });
    expect(codes).toHaveLength(2);
    const printed = codes.map((code) => code.module * code.modules.size);
    for (const width of printed) expect(width).toBeGreaterThanOrEqual(mm(40) - 1e-6);
    expect(printed[1]).toBeCloseTo(printed[0]!, 6);
    const tops = codes.map((code) => code.y + (code.size - code.module * code.modules.size) / 2);
    expect(tops[1]).toBeCloseTo(tops[0]!, 6);
  });

  it('sets both links in one caption size, on one baseline, however long each is', () => {
    const runs = glyphRuns(layPage(ROW).nodes);
    const rights = runWith(runs, 'ilrc.org');
    const report = runWith(runs, 'example.org');
    expect(report.size).toBeCloseTo(rights.size, 6);
    expect(report.y).toBeCloseTo(rights.y, 6);
  });

  it('puts the first code on the right in a right-to-left context', () => {
    const codes = qrItems(layPage(`<section lang="ar" dir="rtl">${ROW}</section>`, 'letter', 'ar').nodes);
    expect(codes[0]!.x).toBeGreaterThan(codes[1]!.x);
  });

  it('holds only <qr> elements', () => {
    const error = thrown(TemplateError, () => parseMarkup(notice([`<qr-row><p>x</p></qr-row>`]), 'test'));
    expect(error.message).toMatch(/not allowed in <qr-row>: expected <qr>/);
  });
});
