import { SaxesParser } from 'saxes';
import { TemplateError } from '../errors.js';
import { MAX_MARKUP_DEPTH, MAX_MARKUP_ELEMENTS } from '../contract/input-limits.js';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
  readonly line: number;
  readonly column: number;
  /** The line of filled markup the element is on, to show in errors. */
  readonly lineText: string;
}

class OpenElement implements XmlElement {
  readonly children: (XmlElement | string)[] = [];

  constructor(
    readonly name: string,
    readonly attributes: Record<string, string>,
    readonly line: number,
    readonly column: number,
    private readonly lineOf: (line: number) => string,
  ) {}

  get lineText(): string {
    return this.lineOf(this.line);
  }
}

/**
 * Reads well-formed XML into plain elements with their line and column.
 * Any XML error is a TemplateError that names where it is and shows the line.
 */
export function readXml(xml: string, source: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: OpenElement[] = [];
  // Split only when an element's line is shown (in an error): most markup is read without one.
  let lines: readonly string[] | undefined;
  const lineOf = (line: number): string => (lines ??= xml.split('\n'))[line - 1] ?? '';
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  let count = 0;
  parser.on('opentag', (tag) => {
    // Said only in an error: built for every element, it was a good part of reading the markup.
    const where = (): string => `${source} (filled markup): line ${parser.line}, column ${parser.column}: <${tag.name}>`;
    if (stack.length >= MAX_MARKUP_DEPTH) {
      throw new TemplateError(`${where()} is nested ${MAX_MARKUP_DEPTH} elements deep; notice markup needs a few levels at most`);
    }
    if (++count > MAX_MARKUP_ELEMENTS) {
      throw new TemplateError(`${where()}: the filled template has more than ${MAX_MARKUP_ELEMENTS} elements`);
    }
    const attributes: Record<string, string> = {};
    for (const key of Object.keys(tag.attributes)) attributes[key] = String(tag.attributes[key]);
    stack.push(new OpenElement(tag.name, attributes, parser.line, parser.column, lineOf));
  });
  parser.on('text', (text) => stack.at(-1)?.children.push(text));
  parser.on('closetag', () => {
    const done = stack.pop()!;
    const parent = stack.at(-1);
    if (parent) parent.children.push(done);
    else root = done;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    failure ??= error as Error;
  }
  if (failure) {
    const message = `${source}: the filled template is not valid notice markup: ${withLine(failure.message, xml)}`;
    const at = /^(\d+):(\d+):\s*(.*)/s.exec(failure.message);
    throw at ? new MarkupError(message, Number(at[1]), Number(at[2]), `not valid notice markup: ${at[3]}`) : new TemplateError(message);
  }
  if (!root) throw new TemplateError(`${source}: the filled template is empty`);
  return root;
}

function withLine(message: string, xml: string): string {
  const match = /^(\d+):(\d+)/.exec(message);
  if (!match) return message;
  const text = xml.split('\n')[Number(match[1]) - 1] ?? '';
  return `line ${match[1]}, column ${match[2]}: ${message.replace(/^\d+:\d+:\s*/, '')}\n    ${text.trim()}`;
}

/**
 * A problem in the filled markup, with where it is (line from 1, column as
 * saxes counts it: just after the element's opening tag), so that
 * `templates check` can trace it back to the template's own line.
 */
export class MarkupError extends TemplateError {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** The problem alone, without the position and the quoted line. */
    readonly detail: string,
  ) {
    super(message);
  }
}

export function markupError(source: string, element: XmlElement, message: string): TemplateError {
  return new MarkupError(
    `${source} (filled markup): line ${element.line}, column ${element.column}: <${element.name}> ${message}\n    ${element.lineText.trim()}`,
    element.line,
    element.column,
    `<${element.name}> ${message}`,
  );
}
