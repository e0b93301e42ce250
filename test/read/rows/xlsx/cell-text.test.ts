import { describe, expect, it } from 'vitest';
import { cellStyle, isoDateText, numberText } from '../../../../src/read/rows/xlsx/cell-text.js';

const general = cellStyle(0, undefined);

describe('cellStyle', () => {
  it('tells dates, zero-padded codes and everything else apart', () => {
    expect(cellStyle(14, undefined)).toEqual({ kind: 'date' });
    expect(cellStyle(164, 'yyyy-mm-dd')).toEqual({ kind: 'date' });
    expect(cellStyle(165, '[$-409]d\\-mmm;@')).toEqual({ kind: 'date' });
    expect(cellStyle(166, '[h]:mm:ss')).toEqual({ kind: 'date' });
    expect(cellStyle(167, '00000')).toEqual({ kind: 'zeros', pattern: '00000' });
    expect(cellStyle(168, '00000\\-0000')).toEqual({ kind: 'zeros', pattern: '00000-0000' });
    expect(cellStyle(169, '"Day" 0.00')).toEqual(general);
    expect(cellStyle(170, '[Red]#,##0')).toEqual(general);
    expect(cellStyle(0, 'General')).toEqual(general);
  });
});

describe('numberText', () => {
  it('shows numbers as Excel does in General, without float noise', () => {
    expect(numberText('55407', general, false)).toEqual({ text: '55407' });
    expect(numberText('55407.0', general, false)).toEqual({ text: '55407' });
    expect(numberText('6125550101', general, false)).toEqual({ text: '6125550101' });
    expect(numberText('0.30000000000000004', general, false)).toEqual({ text: '0.3' });
    expect(numberText('-12.5', general, false)).toEqual({ text: '-12.5' });
    expect(numberText('5.5407E4', general, false)).toEqual({ text: '55407' });
  });

  it('refuses numbers whose digits cannot be trusted rather than changing them', () => {
    expect(numberText('12345678901234567890', general, false)).toMatchObject({ problem: expect.stringContaining('more than 15 digits') });
    expect(numberText('1.2345678901234567E+19', general, false)).toMatchObject({ problem: expect.stringContaining('more than 15 digits') });
    expect(numberText('1E-9', general, false)).toMatchObject({ problem: expect.stringContaining('too small') });
    expect(numberText('abc', general, false)).toMatchObject({ problem: expect.stringContaining('not a number') });
  });

  it('pads ZIP codes typed as numbers the way their format shows them', () => {
    expect(numberText('7102', cellStyle(164, '00000'), false)).toEqual({ text: '07102' });
    expect(numberText('71020123', cellStyle(165, '00000\\-0000'), false)).toEqual({ text: '07102-0123' });
    expect(numberText('551234567', cellStyle(165, '00000\\-0000'), false)).toEqual({ text: '55123-4567' });
    expect(numberText('1234567', cellStyle(164, '00000'), false)).toEqual({ text: '1234567' });
  });

  it('turns date serials into ISO dates in both date systems', () => {
    const date = cellStyle(14, undefined);
    expect(numberText('46352', date, false)).toEqual({ text: '2026-11-26' });
    expect(numberText('46352.395833333336', date, false)).toEqual({ text: '2026-11-26T09:30:00' });
    expect(numberText('1', date, false)).toEqual({ text: '1900-01-01' });
    expect(numberText('61', date, false)).toEqual({ text: '1900-03-01' });
    expect(numberText('60', date, false)).toMatchObject({ problem: expect.stringContaining('1900-02-29') });
    expect(numberText('0.5', date, false)).toEqual({ text: '12:00:00' });
    expect(numberText('44890', date, true)).toEqual({ text: '2026-11-26' });
    expect(isoDateText('2026-11-26T00:00:00Z')).toBe('2026-11-26');
    expect(isoDateText('2026-11-26T09:30:00')).toBe('2026-11-26T09:30:00');
  });
});
