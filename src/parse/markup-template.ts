import { readMarkup, type KeptBlocks } from './parse-markup.js';
import type { NoticeTree } from './notice-tree.js';
import { readXml, type XmlElement } from './xml-elements.js';

/** A string or element with holes, made again for each set of values; undefined when it has none. */
type Fill<T> = ((values: readonly string[]) => T) | undefined;

/**
 * Filled markup in which the code points base … base+count−1 hold the places
 * of values (fill/markup-shapes.ts), read once: each set of values then makes
 * the notice tree the markup with those values in place reads into. Parts
 * without holes are the elements read here, shared; the notice tree is read
 * from the elements afresh for every set of values. Undefined when a hole is
 * not inside text or an attribute value (in a comment, say), where a value
 * would not read back as itself.
 */
export function markupTemplate(
  xml: string,
  source: string,
  base: number,
  count: number,
): ((values: readonly string[]) => NoticeTree) | undefined {
  const holes: Holes = { base, count, found: 0, kept: new Map() };
  const root = readXml(xml, source);
  const make = element(root, holes);
  let written = 0;
  for (const match of xml.matchAll(/[\u{100000}-\u{10FFFD}]/gu)) {
    const index = match[0].codePointAt(0)! - base;
    if (index >= 0 && index < count) written++;
  }
  if (written !== holes.found) return undefined;
  return (values) => readMarkup(make ? make(values) : root, source, holes.kept);
}

interface Holes {
  readonly base: number;
  readonly count: number;
  found: number;
  /** Elements without holes, shared by every notice: their blocks are read once. */
  readonly kept: KeptBlocks;
}

function element(node: XmlElement, holes: Holes): Fill<XmlElement> {
  const attributes = Object.entries(node.attributes).flatMap(([name, value]) => {
    const fill = text(value, holes);
    return fill ? [[name, fill] as const] : [];
  });
  const children = node.children.map((child) => (typeof child === 'string' ? text(child, holes) : element(child, holes)));
  if (attributes.length === 0 && children.every((child) => child === undefined)) {
    holes.kept.set(node, null);
    return undefined;
  }
  return (values) => {
    let own = node.attributes;
    if (attributes.length > 0) {
      const filled: Record<string, string> = { ...node.attributes };
      for (const [name, fill] of attributes) filled[name] = fill(values);
      own = filled;
    }
    return new FilledElement(
      node,
      own,
      children.map((child, index) => (child ? child(values) : node.children[index]!)),
    );
  };
}

/** An element with a record's values in its holes; its place (for errors) is the element it was made from. */
class FilledElement implements XmlElement {
  readonly name: string;
  readonly line: number;
  readonly column: number;

  constructor(
    private readonly from: XmlElement,
    readonly attributes: Readonly<Record<string, string>>,
    readonly children: readonly (XmlElement | string)[],
  ) {
    this.name = from.name;
    this.line = from.line;
    this.column = from.column;
  }

  get lineText(): string {
    return this.from.lineText;
  }
}

/** A string cut at its holes: the text between them, and each hole's value index. */
function text(value: string, holes: Holes): Fill<string> {
  const parts: (string | number)[] = [];
  let last = 0;
  for (const match of value.matchAll(/[\u{100000}-\u{10FFFD}]/gu)) {
    const index = match[0].codePointAt(0)! - holes.base;
    if (index < 0 || index >= holes.count) continue;
    parts.push(value.slice(last, match.index), index);
    last = match.index + match[0].length;
    holes.found++;
  }
  if (parts.length === 0) return undefined;
  parts.push(value.slice(last));
  return (values) => {
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : values[part]!;
    return out;
  };
}
