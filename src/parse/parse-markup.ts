import { checkLink } from '../contract/rights-links.js';
import { printable } from '../contract/text-hygiene.js';
import { markupError, readXml, type XmlElement } from './xml-elements.js';
import type { Align, Block, Column, Inline, NoticePage, NoticeTree, Qr, TextSize, Tone } from './notice-tree.js';

/** Turns filled notice markup into the typed notice tree, or fails with line and column. */
export function parseMarkup(xml: string, source: string): NoticeTree {
  return readMarkup(readXml(xml, source), source);
}

/**
 * The notice tree of markup already read into elements. `kept` holds elements read for many notices
 * (parse/markup-template.ts): each one's block is read once, and copied for every notice after.
 */
export function readMarkup(root: XmlElement, source: string, kept?: KeptBlocks): NoticeTree {
  const parse = new MarkupReader(source, kept);
  if (root.name !== 'notice') throw markupError(source, root, 'cannot be the root: the markup must start with <notice>');
  parse.attributes(root, ['title', 'lang'], ['title', 'lang']);
  const pages = parse.elements(root).map((page): NoticePage => {
    if (page.name !== 'page') throw markupError(source, page, 'is not allowed in <notice>: expected <page>');
    parse.attributes(page, ['flow']);
    const { children, head, foot } = parse.pageBlocks(page);
    if (children.length === 0) throw markupError(source, page, 'is empty: a page needs at least one block, like <h1> or <p>');
    return {
      children,
      ...(parse.choice(page, 'flow', ['yes', 'no'] as const, 'no') === 'yes' ? { flow: true } : {}),
      ...(head > 0 ? { head } : {}),
      ...(foot > 0 ? { foot } : {}),
    };
  });
  if (pages.length === 0) throw markupError(source, root, 'has no <page>: a notice needs at least one page');
  return { title: root.attributes.title!, lang: root.attributes.lang!, pages };
}

const ALIGNS: readonly Align[] = ['start', 'center', 'end'];
const SIZES: readonly TextSize[] = ['small', 'normal', 'large', 'meta', 'key'];
const TONES: readonly Tone[] = ['plain', 'dark', 'light', 'outline'];
const BLOCKS = ['h1', 'h2', 'p', 'list', 'qr', 'qr-row', 'rule', 'spacer', 'section', 'columns', 'box', 'page-number'];

/** Blocks by the element they were read from, for elements shared by many notices: null until read. */
export type KeptBlocks = Map<XmlElement, Block | null>;

class MarkupReader {
  constructor(
    private readonly source: string,
    private readonly kept?: KeptBlocks,
  ) {}

  attributes(element: XmlElement, allowed: readonly string[], required: readonly string[] = []): void {
    for (const name of Object.keys(element.attributes)) {
      if (!allowed.includes(name)) {
        const known = allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : 'it takes none';
        throw markupError(this.source, element, `has an unknown attribute "${name}" (${known})`);
      }
    }
    for (const name of required) {
      if (!element.attributes[name]) throw markupError(this.source, element, `needs a "${name}" attribute`);
    }
  }

  /** Child elements; text other than white space is an error here. */
  elements(element: XmlElement): XmlElement[] {
    return element.children.filter((child): child is XmlElement => {
      if (typeof child !== 'string') return true;
      if (child.trim() !== '') throw markupError(this.source, element, `cannot hold text directly: "${child.trim().slice(0, 40)}"`);
      return false;
    });
  }

  /**
   * A page's blocks, with an optional <header> first and <footer> last: their
   * blocks are the page's first and last, and a flowing page repeats them on
   * every page it makes (head and foot count them).
   */
  pageBlocks(page: XmlElement): { children: Block[]; head: number; foot: number } {
    const elements = this.elements(page);
    const children: Block[] = [];
    let head = 0;
    let foot = 0;
    elements.forEach((element, index) => {
      if (element.name === 'header' || element.name === 'footer') {
        const header = element.name === 'header';
        if (header ? index !== 0 : index !== elements.length - 1) {
          throw markupError(this.source, element, `must be the ${header ? 'first' : 'last'} element of its <page>`);
        }
        this.attributes(element, []);
        const blocks = this.blocks(element);
        if (header) head = blocks.length;
        else foot = blocks.length;
        children.push(...blocks);
      } else children.push(this.block(element));
    });
    return { children, head, foot };
  }

  blocks(element: XmlElement): Block[] {
    return this.elements(element).map((child) => this.block(child));
  }

  block(element: XmlElement): Block {
    const kept = this.kept?.get(element);
    if (kept === undefined) return this.readBlock(element);
    if (kept !== null) return copyOf(kept);
    const block = this.readBlock(element);
    this.kept!.set(element, copyOf(block));
    return block;
  }

  private readBlock(element: XmlElement): Block {
    const a = element.attributes;
    switch (element.name) {
      case 'h1':
      case 'h2':
        this.attributes(element, ['align']);
        return {
          kind: 'heading',
          level: element.name === 'h1' ? 1 : 2,
          align: this.choice(element, 'align', ALIGNS, 'start'),
          inlines: this.inlines(element),
        };
      case 'p':
        this.attributes(element, ['size', 'align']);
        return {
          kind: 'paragraph',
          size: this.choice(element, 'size', SIZES, 'normal'),
          align: this.choice(element, 'align', ALIGNS, 'start'),
          inlines: this.inlines(element),
        };
      case 'list':
        this.attributes(element, ['size', 'numbered', 'start', 'hang']);
        return {
          kind: 'list',
          size: this.choice(element, 'size', SIZES, 'normal'),
          ...listMarkers(this, element),
          items: this.elements(element).map((item) => {
            if (item.name !== 'item') throw markupError(this.source, item, 'is not allowed in <list>: expected <item>');
            this.attributes(item, []);
            return this.inlines(item);
          }),
        };
      case 'qr': {
        this.attributes(element, ['href', 'caption', 'size', 'tone'], ['href']);
        const label = this.blocks(element);
        return {
          kind: 'qr',
          href: this.link(element),
          caption: a.caption ?? '',
          sizeMm: this.number(element, 'size', 30, 25, 250),
          ...(label.length > 0 ? { children: label } : {}),
          ...(a.tone !== undefined ? { tone: this.choice(element, 'tone', TONES, 'plain') } : {}),
        };
      }
      case 'qr-row': {
        this.attributes(element, []);
        const codes = this.elements(element).map((child) => {
          if (child.name !== 'qr') throw markupError(this.source, child, 'is not allowed in <qr-row>: expected <qr>');
          return this.block(child);
        });
        if (codes.length === 0) throw markupError(this.source, element, 'is empty: it needs at least one <qr>');
        return { kind: 'qr-row', codes: codes as Qr[] };
      }
      case 'rule':
        this.attributes(element, []);
        return { kind: 'rule' };
      case 'spacer':
        this.attributes(element, ['size', 'grow']);
        return { kind: 'spacer', size: this.number(element, 'size', 0, 0, 720), grow: this.number(element, 'grow', 0, 0, 100) };
      case 'section':
        this.attributes(element, ['lang', 'dir'], ['lang']);
        return {
          kind: 'section',
          lang: a.lang!,
          dir: this.choice(element, 'dir', ['ltr', 'rtl'] as const, 'ltr'),
          children: this.blocks(element),
        };
      case 'columns':
        this.attributes(element, ['wrap', 'flow']);
        return {
          kind: 'columns',
          columns: this.elements(element).map((column) => this.column(column)),
          ...(this.choice(element, 'wrap', ['yes', 'no'] as const, 'no') === 'yes' ? { wrap: true } : {}),
          ...(this.choice(element, 'flow', ['yes', 'no'] as const, 'no') === 'yes' ? { flow: true } : {}),
        };
      case 'page-number':
        this.attributes(element, ['align']);
        return { kind: 'page-number', align: this.choice(element, 'align', ALIGNS, 'end') };
      case 'box':
        this.attributes(element, ['tone']);
        return { kind: 'box', tone: this.choice(element, 'tone', TONES, 'plain'), children: this.blocks(element) };
      default:
        throw markupError(this.source, element, `is not a block element here (expected one of ${BLOCKS.map((b) => `<${b}>`).join(', ')})`);
    }
  }

  column(element: XmlElement): Column {
    if (element.name !== 'column') throw markupError(this.source, element, 'is not allowed in <columns>: expected <column>');
    this.attributes(element, ['weight']);
    return { weight: this.number(element, 'weight', 1, 0.05, 20), children: this.blocks(element) };
  }

  /** The text of a block: white space folded, and trimmed at the block's edges only. */
  inlines(element: XmlElement): Inline[] {
    return trimEdges(this.spans(element, false, undefined));
  }

  private spans(element: XmlElement, bold: boolean, field: string | undefined): Inline[] {
    const found: Inline[] = [];
    for (const child of element.children) {
      if (typeof child === 'string') {
        const text = child.replace(/[ \t\r\n]+/g, ' ');
        found.push(field === undefined ? { text, bold } : { text, bold, field });
      } else if (child.name === 'b') {
        this.attributes(child, []);
        found.push(...this.spans(child, true, field));
      } else if (child.name === 'field') {
        this.attributes(child, ['name'], ['name']);
        found.push(...this.spans(child, bold, child.attributes.name));
      } else {
        throw markupError(this.source, child, 'is not allowed inside text (expected text, <b> or <field>)');
      }
    }
    return found;
  }

  choice<T extends string>(element: XmlElement, name: string, options: readonly T[], fallback: T): T {
    const value = element.attributes[name];
    if (value === undefined) return fallback;
    if (!(options as readonly string[]).includes(value)) {
      throw markupError(this.source, element, `has ${name}="${value}"; expected one of ${options.join(', ')}`);
    }
    return value as T;
  }

  /** A plain decimal number within [min, max]: no exponents, no NaN, nothing a page could not hold. */
  number(element: XmlElement, name: string, fallback: number, min: number, max: number): number {
    const value = element.attributes[name];
    if (value === undefined) return fallback;
    const parsed = /^\s*\d{1,6}(\.\d{1,6})?\s*$/.test(value) ? Number(value) : NaN;
    if (!(parsed >= min && parsed <= max)) {
      throw markupError(this.source, element, `has ${name}="${printable(value, 20)}"; expected a number from ${min} to ${max}`);
    }
    return parsed;
  }

  /** A QR link follows the same rule as --rights-url: what is checked is what is encoded. */
  link(element: XmlElement): string {
    const href = element.attributes.href!;
    const checked = checkLink(href);
    if (!checked.ok) throw markupError(this.source, element, `has href="${printable(href, 60)}": ${checked.reason}`);
    return checked.url;
  }
}

/** A copy of plain data (a block): every notice has its own tree, as if read afresh. */
function copyOf<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyOf) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyOf((value as Record<string, unknown>)[key]);
  return copy as T;
}

/** A list's numbering and indent attributes, set only when given (an unmarked list lays out as before). */
function listMarkers(read: MarkupReader, element: XmlElement): { numbered?: true; start?: number; hang?: true } {
  const numbered = read.choice(element, 'numbered', ['yes', 'no'] as const, 'no') === 'yes';
  const hang = read.choice(element, 'hang', ['yes', 'no'] as const, 'no') === 'yes';
  const start = element.attributes.start === undefined ? undefined : Math.round(read.number(element, 'start', 1, 1, 999));
  return { ...(numbered ? { numbered: true } : {}), ...(start !== undefined ? { start } : {}), ...(hang ? { hang: true } : {}) };
}

/**
 * Template white space (new lines, indentation) has been folded to single
 * spaces, as in HTML; here the block's leading and trailing space goes, and
 * so do spans left empty. Spaces inside the text, and other spaces such as
 * no-break spaces, stay.
 */
function trimEdges(inlines: readonly Inline[]): Inline[] {
  const joined: Inline[] = [];
  let previous = '';
  for (const inline of inlines) {
    const text = previous.endsWith(' ') && inline.text.startsWith(' ') ? inline.text.slice(1) : inline.text;
    if (text === '') continue;
    // A span is copied only when its text changes: the spans are this block's own.
    joined.push(text === inline.text ? inline : { ...inline, text });
    previous = text;
  }
  if (joined.length > 0) {
    const first = joined[0]!;
    if (first.text.startsWith(' ')) joined[0] = { ...first, text: first.text.slice(1) };
    const last = joined.length - 1;
    if (joined[last]!.text.endsWith(' ')) joined[last] = { ...joined[last]!, text: joined[last]!.text.slice(0, -1) };
  }
  return joined.filter((inline) => inline.text !== '');
}
