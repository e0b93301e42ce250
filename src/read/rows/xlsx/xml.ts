import { SaxesParser } from 'saxes';
import { UsageError } from '../../../errors.js';

export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * A streaming XML reader for workbook parts. Names lose their namespace
 * prefix (`x:row` is `row`). saxes expands no custom entities, so entity
 * bombs cannot happen; a malformed part is a usage error naming it.
 */
export class XmlReader {
  private readonly parser = new SaxesParser({ position: true });
  private sinceTag = 0;

  constructor(
    private readonly file: string,
    private readonly part: string,
    handlers: XmlHandlers,
  ) {
    const { open, close, text } = handlers;
    if (open) this.parser.on('opentag', (tag) => open(local(tag.name), tag.attributes as Record<string, string>));
    if (close) this.parser.on('closetag', (tag) => close(local(tag.name)));
    if (text) {
      this.parser.on('text', text);
      this.parser.on('cdata', text);
    }
  }

  /** Feeds text; a run of more than `maxRun` characters without a tag (one giant value) is refused before it is buffered. */
  write(chunk: string, maxRun = 1024 * 1024): void {
    const lastTag = chunk.lastIndexOf('<');
    this.sinceTag = lastTag < 0 ? this.sinceTag + chunk.length : chunk.length - lastTag - 1;
    if (this.sinceTag > maxRun) {
      throw new UsageError(
        `data file ${this.file}: the part ${this.part} holds a value longer than ${maxRun / 1024 / 1024} MB; that is not business text`,
      );
    }
    this.guard(() => this.parser.write(chunk));
  }

  close(): void {
    this.guard(() => this.parser.close());
  }

  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const message = (error as Error).message.split('\n')[0];
      throw new UsageError(
        `data file ${this.file}: the part ${this.part} is not well-formed XML (${message}); save the workbook again as .xlsx`,
      );
    }
  }
}

/** Parses a whole part. */
export function readXml(file: string, part: string, text: string, handlers: XmlHandlers): void {
  const reader = new XmlReader(file, part, handlers);
  reader.write(text, Infinity);
  reader.close();
}

function local(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Excel writes some characters as _xHHHH_ (a line break in a cell is _x000D_ before \n, say). */
export function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
