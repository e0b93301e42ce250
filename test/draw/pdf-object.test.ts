import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { inMemoryDocument } from '../../src/draw/pdfkit-internals.js';
import { pdfObject, PdfText } from '../../src/draw/pdf-object.js';

/** Ends a reference: PDFKit writes it (its chunk argument is optional, though its types say otherwise). */
const end = (reference: PDFKit.PDFKitReference): void => (reference as unknown as { end(): void }).end();

/** Values of every kind PDFKit's PDFObject.convert knows, with the edge cases of each. */
function values(doc: PDFKit.PDFDocument): Record<string, unknown> {
  const reference = doc.ref({ Type: 'Test', Text: new String('Tortillería') });
  end(reference);
  return {
    Name: 'Identity-H',
    Ascii: new String('Tacos (al pastor) \\ 100%\n\r\t\b\f'),
    Unicode: new String('Tortillería 福满楼 مخبز 𝐀 ()\\'),
    Numbers: [0, -0, 1, -1, 0.5, 1 / 3, -2 / 3, 1e-7, 5e-7, 123456.1234567, 1e20, -1e20],
    Nested: [[1, [2, 'Name']], { Inner: new String('x'), Skipped: undefined }, [], {}],
    Holes: [undefined, null, true, false],
    Bytes: new Uint8Array([0, 1, 0xab, 0xff]),
    Date: new Date(Date.UTC(2026, 10, 26, 7, 5, 9)),
    Reference: reference,
    Empty: new String(''),
    Kept: new PdfText('[0 [500 0.333333]]'),
  };
}

/** One document holding one object of `values`, written by PDFKit's streamed document or by the in-memory one. */
async function written(inMemory: boolean): Promise<Buffer> {
  const options = { autoFirstPage: false, info: { CreationDate: new Date(0) } } as PDFKit.PDFDocumentOptions;
  if (inMemory) {
    const { doc, output } = inMemoryDocument(options);
    end(doc.ref(values(doc)));
    doc.end();
    return Buffer.from(output());
  }
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  end(doc.ref(values(doc)));
  doc.end();
  return done;
}

describe('pdfObject, against PDFKit’s own conversion', () => {
  it('writes every kind of value as PDFKit does', async () => {
    const ours = await written(true);
    expect(ours.toString('latin1')).toContain('/Unicode (\u00fe\u00ff');
    expect(ours.equals(await written(false))).toBe(true);
  });

  it('writes dictionaries, arrays, names and numbers', () => {
    expect(pdfObject({ Type: 'Font', W: [0, [500, 1 / 3]], Skipped: undefined })).toBe('<<\n/Type /Font\n/W [0 [500 0.333333]]\n>>');
    expect(pdfObject(new String('a(b)'))).toBe('(a\\(b\\))');
    expect(() => pdfObject(1e21)).toThrow('unsupported number');
  });
});
