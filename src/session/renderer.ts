import type { DocumentWriter } from '../draw/draw-pdf.js';
import { InputError } from '../errors.js';
import type { LaidPage } from '../layout/items.js';
import { documentInfo, openPrintFile } from '../pipeline.js';
import type { RawRecord } from '../contract/record.js';
import type { FitHintList, RenderedNotice, RenderResult, SessionOptions, Warning } from '../contract/public-api.js';
import type { TemplateManifest } from '../templates/manifest.js';

/** Makes notices (one template, or a packet of them) for one session; `render` never throws for a problem with the record. */
export interface Renderer {
  /** The template or packet id: it names output files and the batch manifest. */
  readonly id: string;
  readonly title: string;
  readonly options: SessionOptions;
  /** Every field a record may carry: the template's, or the union of a packet's templates'. */
  readonly fields: TemplateManifest['fields'];
  /** The date of the PDFs this session makes. */
  readonly date: Date;
  /** Files the session reads, which no output may replace. */
  readonly inputs: readonly string[];
  render(record: RawRecord): Promise<RenderResult>;
  /** The stages up to lay out (for a combined file); a problem with the record throws InputError. */
  layout(record: RawRecord): LaidRecord;
  /** The whole pipeline, keeping the laid pages; a problem with the record throws InputError. */
  renderWithPages(record: RawRecord): Promise<RenderedNotice & { readonly pages: readonly LaidPage[] }>;
  /** An open print file for every notice of a run (batch --combined), its metadata this session's; pages come from `layout` or `renderWithPages`. */
  openPrintFile(): DocumentWriter;
  /** Where auto-fit would start for each kind of page this session has met, for a later session's `fitHints`. */
  fitHints(): FitHintList;
  /** Drops the session's caches. Calling it again does nothing; rendering after it is a bug, and throws. */
  dispose(): void;
}

export interface LaidRecord {
  readonly pages: readonly LaidPage[];
  readonly warnings: readonly Warning[];
}

/**
 * Adds `render`, which turns a problem with the record into data, and
 * `openPrintFile`; makes `dispose` idempotent and the renderer unusable after it.
 */
export function completeRenderer(parts: Omit<Renderer, 'render' | 'openPrintFile'>): Renderer {
  let disposed = false;
  const live = (): void => {
    if (disposed) throw new Error(`the renderer for ${parts.id} was disposed; prepare a new one`);
  };
  const renderer: Omit<Renderer, 'render' | 'openPrintFile'> = {
    ...parts,
    layout: (record) => {
      live();
      return parts.layout(record);
    },
    renderWithPages: (record) => {
      live();
      return parts.renderWithPages(record);
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      parts.dispose();
    },
  };
  return {
    ...renderer,
    render: async (record) => {
      try {
        const { pages: _pages, ...rendered } = await renderer.renderWithPages(record);
        return { ok: true, ...rendered };
      } catch (error) {
        if (error instanceof InputError) return { ok: false, problems: error.problems, warnings: [] };
        throw error;
      }
    },
    openPrintFile: () =>
      openPrintFile(
        documentInfo({
          title: `${renderer.title}: every notice`,
          lang: renderer.options.languages?.[0] ?? 'en',
          subject: renderer.title,
          date: renderer.date,
        }),
      ),
  };
}
