// Minimal typings for two small text libraries without their own.
declare module 'linebreak' {
  interface Break {
    readonly position: number;
    readonly required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}

declare module 'bidi-js' {
  interface EmbeddingLevels {
    readonly levels: Uint8Array;
    readonly paragraphs: readonly { start: number; end: number; level: number }[];
  }
  interface Bidi {
    getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl' | 'auto'): EmbeddingLevels;
    getBidiCharTypeName(char: string): string;
  }
  export default function bidiFactory(): Bidi;
}

// The two XLIFF 1.2 converters placard uses from the `xliff` package (which ships no typings).
declare module 'xliff/jsToXliff12' {
  import type { XliffJs } from 'xliff/xliff12ToJs';
  export default function jsToXliff12(js: XliffJs, options?: { indent?: string; xmlLangAttr?: boolean }): Promise<string>;
}

declare module 'xliff/xliff12ToJs' {
  export interface XliffUnit {
    source?: string;
    target?: string;
    note?: string | string[];
    additionalAttributes?: Record<string, string>;
    groupUnits?: Record<string, XliffUnit>;
  }
  export interface XliffJs {
    sourceLanguage: string;
    targetLanguage?: string;
    resources: Record<string, Record<string, XliffUnit>>;
  }
  export default function xliff12ToJs(xml: string, options?: { captureSpacesBetweenElements?: boolean }): Promise<XliffJs>;
}
