import { describe, expect, it } from 'vitest';
import { looksLike } from '../../src/cli/data-file-kind.js';

const zip = (...names: string[]) =>
  Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(26), Buffer.from(names.join('\u0000'), 'latin1')]);

describe('looksLike: what a file is, from its first bytes', () => {
  it.each([
    [zip('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'), 'a LibreOffice spreadsheet (.ods)'],
    [zip('[Content_Types].xml', 'xl/workbook.xml'), 'an Excel workbook (.xlsx)'],
    [zip('[Content_Types].xml', 'word/document.xml'), 'a Word document (.docx)'],
    [zip('Index/Document.iwa'), 'an Apple Numbers or Pages file'],
    [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'an old Microsoft Office file (.doc or .xls)'],
    [Buffer.from('%PDF-1.4\n'), 'a PDF'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'a PNG image'],
    [Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic')]), 'a HEIC/AVIF photo'],
    [Buffer.from([0xff, 0xfe, 0x6e, 0x00]), 'a UTF-16 text file'],
    [Buffer.from('name\u0000x'), 'a binary file'],
  ])('%#: %s', (bytes, kind) => {
    expect(looksLike(bytes)).toBe(kind);
  });

  it('says nothing about text, even text that is not UTF-8', () => {
    expect(looksLike(Buffer.from('name: Caf\u00e9\n', 'latin1'))).toBeUndefined();
    expect(looksLike(Buffer.from('{"name": "Ana"}'))).toBeUndefined();
  });
});
