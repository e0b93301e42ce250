/**
 * A PDF object's text, character for character as PDFKit's PDFObject.convert
 * writes it for an unencrypted document (pdfkit.js), with fewer steps:
 * PDFKit's turns every literal string into bytes and back, tests each value
 * against six classes and builds an array per dictionary. A notice has ~60
 * objects, most of them small dictionaries of the structure tree.
 * test/draw/pdf-object.test.ts checks it against PDFKit's own on every kind of value.
 */
export function pdfObject(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `/${value}`;
    case 'number':
      return number(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ' ';
          out += pdfObject(value[i] ?? null);
        }
        return `${out}]`;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype === Object.prototype || prototype === null) return dictionary(value as Record<string, unknown>);
      if (value instanceof String) return literal(value.valueOf());
      if (value instanceof Uint8Array) return `<${Buffer.from(value.buffer, value.byteOffset, value.length).toString('hex')}>`;
      if (value instanceof Date) return date(value);
      // PDFKit's references, name and number trees and spot colours: each writes itself.
      if ((value as { toString: unknown }).toString !== Object.prototype.toString) return String(value);
      return Object.prototype.toString.call(value) === '[object Object]' ? dictionary(value as Record<string, unknown>) : String(value);
    }
    default:
      return `${value as string}`;
  }
}

function dictionary(object: Record<string, unknown>): string {
  let out = '<<';
  for (const key in object) {
    const value = object[key];
    if (value === undefined) continue;
    out += `\n/${key} ${pdfObject(value)}`;
  }
  return `${out}\n>>`;
}

/** PDFKit's number: rounded to six decimals, then JavaScript's own text for it. */
function number(n: number): string {
  if (n > -1e21 && n < 1e21) return `${Math.round(n * 1e6) / 1e6}`;
  throw new Error(`unsupported number: ${n}`);
}

const ESCAPES: Record<string, string> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\\': '\\\\',
  '(': '\\(',
  ')': '\\)',
};
const ESCAPABLE = /[\n\r\t\b\f()\\]/g;

/**
 * A literal string: ASCII as it is; anything else as UTF-16BE with a byte
 * order mark, each byte a character; then PDFKit's escapes.
 */
function literal(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  let binary = text;
  if (!ascii) {
    binary = '\u00fe\u00ff';
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      binary += String.fromCharCode(code >> 8, code & 0xff);
    }
  }
  return `(${binary.replace(ESCAPABLE, (char) => ESCAPES[char]!)})`;
}

const pad = (n: number, length: number): string => `${n}`.padStart(length, '0').slice(-length);

function date(value: Date): string {
  return `(D:${pad(value.getUTCFullYear(), 4)}${pad(value.getUTCMonth() + 1, 2)}${pad(value.getUTCDate(), 2)}${pad(value.getUTCHours(), 2)}${pad(value.getUTCMinutes(), 2)}${pad(value.getUTCSeconds(), 2)}Z)`;
}

/**
 * Text that goes into a PDF object as it is, written the same by PDFKit's
 * conversion (a value whose tag is not Object is written as its string) and
 * by pdfObject: for parts kept from an earlier document (a font's widths).
 */
export class PdfText {
  constructor(private readonly text: string) {}

  get [Symbol.toStringTag](): string {
    return 'PdfText';
  }

  toString(): string {
    return this.text;
  }
}
