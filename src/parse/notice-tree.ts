/** The typed notice tree that the markup parses into. Layout reads only this. */

export interface Inline {
  readonly text: string;
  readonly bold: boolean;
  /** The business field this text came from, for error messages. */
  readonly field?: string;
}

export type Align = 'start' | 'center' | 'end';
/**
 * `meta` is the quiet version line: a fixed small size, kept on one line.
 * `key` is a door sign's key line (the warrant sentence): large and bold,
 * and kept at the theme's least cap height while the rest gives way.
 */
export type TextSize = 'meta' | 'small' | 'normal' | 'large' | 'key';
export type Tone = 'plain' | 'dark' | 'light' | 'outline';

export interface Heading {
  readonly kind: 'heading';
  readonly level: 1 | 2;
  readonly align: Align;
  readonly inlines: readonly Inline[];
}

export interface Paragraph {
  readonly kind: 'paragraph';
  readonly size: TextSize;
  readonly align: Align;
  readonly inlines: readonly Inline[];
}

export interface List {
  readonly kind: 'list';
  readonly size: TextSize;
  readonly items: readonly (readonly Inline[])[];
  /** `<list numbered="yes">`: items numbered from `start` (1 unless given), with hanging indents. */
  readonly numbered?: boolean;
  readonly start?: number;
  /** `<list hang="yes">`: bullets with hanging indents (numbered lists always hang). */
  readonly hang?: boolean;
}

export interface Qr {
  readonly kind: 'qr';
  readonly href: string;
  /** Least printed width of the code on Letter, quiet zone excluded, in millimetres (the theme may ask for more). */
  readonly sizeMm: number;
  /** Printed on one line under the code. */
  readonly caption: string;
  /** A label set beside the code (e.g. "scan to know your rights" in each language); in a <qr-row>, the heading over it. */
  readonly children?: readonly Block[];
  /** In a <qr-row>: the band its heading is printed in, so that codes side by side look different. */
  readonly tone?: Tone;
}

/** QR codes side by side, each under a heading of its own: one code size, one caption size, tops and captions in line. */
export interface QrRow {
  readonly kind: 'qr-row';
  readonly codes: readonly Qr[];
}

export interface Rule {
  readonly kind: 'rule';
}

export interface Spacer {
  readonly kind: 'spacer';
  /** Fixed height in points. */
  readonly size: number;
  /** Share of the page's spare height this spacer takes. */
  readonly grow: number;
}

export interface Section {
  readonly kind: 'section';
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly children: readonly Block[];
}

export interface Column {
  readonly weight: number;
  readonly children: readonly Block[];
}

export interface Columns {
  readonly kind: 'columns';
  readonly columns: readonly Column[];
  /** Columns wrap into rows so that none is narrower than the theme's min_column_chars. */
  readonly wrap?: boolean;
  /**
   * `<columns flow="yes">`: the blocks of its `<column>` set in as many
   * balanced columns as the paper's theme asks (`columns:`), flowing from one
   * column into the next and, on a flowing page, on to the next page.
   */
  readonly flow?: boolean;
}

export interface Box {
  readonly kind: 'box';
  readonly tone: Tone;
  readonly children: readonly Block[];
}

/** `<page-number/>`: "2/3", this page's number and the count of pages its flowing page made. */
export interface PageNumber {
  readonly kind: 'page-number';
  readonly align: Align;
}

export type Block = Heading | Paragraph | List | Qr | QrRow | Rule | Spacer | Section | Columns | Box | PageNumber;

export interface NoticePage {
  readonly children: readonly Block[];
  /** `<page flow="yes">`: content that does not fit one page continues on the next. */
  readonly flow?: boolean;
  /** `<header>`: this many first children are printed again at the top of every page a flowing page makes. */
  readonly head?: number;
  /** `<footer>`: this many last children are printed again at the bottom of every page a flowing page makes. */
  readonly foot?: number;
}

export interface NoticeTree {
  readonly title: string;
  readonly lang: string;
  readonly pages: readonly NoticePage[];
}
