// The part of fontkit placard uses: fonts are created once and handed to PDFKit for subsetting.
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly capHeight: number;
    readonly numGlyphs: number;
    getGlyph(id: number): { readonly path: unknown };
    layout(text: string, features?: string[]): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
