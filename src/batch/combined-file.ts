import type { DocumentWriter } from '../draw/draw-pdf.js';
import { padForDuplex } from '../impose/duplex-pages.js';
import type { LaidPage } from '../layout/items.js';
import type { Renderer } from '../session/prepare.js';
import { checkOutput, openOutputStream, type OutputStream, type OutputTarget } from '../write/safe-output.js';

/**
 * One print-ready PDF of every notice in input order, with a bookmark per
 * business. Notices arrive in any order from the workers and are drawn as
 * soon as every earlier row is in, so only the few rows in flight are held;
 * the PDF streams to a temporary file, and its fonts are embedded once for
 * the whole file (each a subset of every glyph any notice used).
 */
export class CombinedFile {
  private readonly order: number[] = [];
  private next = 0;
  private pageCount = 0;
  private readonly ready = new Map<number, { pages: readonly LaidPage[]; bookmark: string } | null>();
  /** A write that failed (a full disk): the run stops instead of laying out pages nobody can write. */
  failure: Error | undefined;

  private constructor(
    private readonly writer: DocumentWriter,
    private readonly output: OutputStream,
  ) {}

  /**
   * Where the file goes, checked before the run touches anything (exit 2 for a folder, the input, read-only…).
   * Inside the output folder a link at its name is replaced, never followed (see SECURITY.md).
   */
  static check(file: string, renderer: Renderer, inputs: readonly string[], inOutputFolder = false): OutputTarget {
    return checkOutput(file, { inputs: [...inputs, ...renderer.inputs], what: 'combined file', replaceLinks: inOutputFolder });
  }

  static async open(target: OutputTarget, renderer: Renderer): Promise<CombinedFile> {
    const output = openOutputStream(target);
    const writer = renderer.openPrintFile();
    writer.doc.pipe(output.stream);
    const combined = new CombinedFile(writer, output);
    output.stream.on('error', (error: Error) => {
      combined.failure ??= error;
      // Let the document flow on into nothing, so it still ends and `finish` reports the error.
      writer.doc.unpipe(output.stream);
      writer.doc.resume();
    });
    return combined;
  }

  /** A row of the run, in input order: the file waits for it before drawing later rows. */
  expect(index: number): void {
    this.order.push(index);
  }

  add(index: number, pages: readonly LaidPage[], bookmark: string): void {
    this.ready.set(index, { pages, bookmark });
    this.flush();
  }

  /** A row that failed: nothing of it goes in the file. */
  skip(index: number): void {
    this.ready.set(index, null);
    this.flush();
  }

  async finish(): Promise<void> {
    this.flush();
    const ended = new Promise((resolve, reject) => {
      this.writer.doc.on('end', resolve);
      this.writer.doc.on('error', reject);
    });
    this.writer.end();
    await ended;
    await this.output.commit();
  }

  async abort(): Promise<void> {
    await this.output.abort();
  }

  private flush(): void {
    while (this.next < this.order.length && this.ready.has(this.order[this.next]!)) {
      const index = this.order[this.next]!;
      const notice = this.ready.get(index);
      this.ready.delete(index);
      if (notice) {
        // Duplex pieces start on odd pages of the whole file; a packet's notices get bookmarks under the business's.
        const pages = padForDuplex(notice.pages, this.pageCount);
        this.writer.addPages(pages, notice.bookmark);
        this.pageCount += pages.length;
      }
      this.next++;
    }
  }
}
