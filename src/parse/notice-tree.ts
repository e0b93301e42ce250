/** The typed notice tree that the markup parses into. Layout reads only this. */

export interface Inline {
  readonly text: string;
  readonly bold: boolean;
  /** The business field this text came from, for error messages. */
  readonly field?: string;
}

export type Align = 'start' | 'center' | 'end';
export type TextSize = 'small' | 'normal' | 'large';
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
}

export interface Qr {
  readonly kind: 'qr';
  readonly href: string;
  /** Printed width of the code in millimetres. */
  readonly sizeMm: number;
  readonly caption: string;
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
}

export interface Box {
  readonly kind: 'box';
  readonly tone: Tone;
  readonly children: readonly Block[];
}

export type Block = Heading | Paragraph | List | Qr | Rule | Spacer | Section | Columns | Box;

export interface NoticePage {
  readonly children: readonly Block[];
}

export interface NoticeTree {
  readonly title: string;
  readonly lang: string;
  readonly pages: readonly NoticePage[];
}
