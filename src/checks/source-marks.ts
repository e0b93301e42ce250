import type { handlebars } from '../fill/handlebars-env.js';

type Program = ReturnType<typeof handlebars.parse>;
interface Node {
  type: string;
  original?: string;
  loc?: { start: { line: number; column: number } };
  program?: { body: Node[] };
  inverse?: { body: Node[] };
}

/** Noncharacters: no business value, string or template may hold them, so they cannot be mistaken. */
const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';

/** A literal run of template text: where it starts in the source and where it ends. */
interface Literal {
  readonly start: number;
  readonly end: number;
}

/** Where a template's literal text lands in the filled markup, to trace markup errors back to template.hbs. */
export interface SourceMap {
  /** The filled markup with the marks taken out. */
  readonly text: string;
  /** The template source offset of a filled-markup offset. */
  sourceOffset(offset: number): number;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Line and column (both from 1) of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line: line + 1, column: offset - starts[line]! + 1 };
}

/**
 * The template with a mark before the first visible character of every
 * literal run (after its leading white space, so Handlebars' white-space
 * control and standalone lines work as before). Each mark names the run.
 */
export function markSource(source: string, ast: Program): { marked: string; literals: Literal[] } {
  const starts = lineStarts(source);
  const literals: Literal[] = [];
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.type === 'ContentStatement' && node.loc && node.original) {
        const visible = node.original.search(/\S/);
        const start = starts[node.loc.start.line - 1]! + node.loc.start.column;
        if (visible >= 0) literals.push({ start: start + visible, end: start + node.original.length });
      }
      if (node.program) visit(node.program.body);
      if (node.inverse) visit(node.inverse.body);
    }
  };
  visit(ast.body as unknown as Node[]);
  literals.sort((a, b) => a.start - b.start);
  let marked = '';
  let at = 0;
  literals.forEach((literal, index) => {
    marked += source.slice(at, literal.start) + OPEN + index.toString(36) + CLOSE;
    at = literal.start;
  });
  return { marked: marked + source.slice(at), literals };
}

/** Takes the marks out of filled markup and keeps where each literal run landed. */
export function unmark(filled: string, literals: readonly Literal[]): SourceMap {
  const anchors: { at: number; literal: Literal }[] = [];
  let text = '';
  let at = 0;
  for (const match of filled.matchAll(/\uFDD0([0-9a-z]+)\uFDD1/g)) {
    text += filled.slice(at, match.index);
    at = match.index + match[0].length;
    const literal = literals[parseInt(match[1]!, 36)];
    if (literal) anchors.push({ at: text.length, literal });
  }
  text += filled.slice(at);
  return {
    text,
    sourceOffset(offset) {
      let anchor = anchors[0];
      for (const candidate of anchors) if (candidate.at <= offset) anchor = candidate;
      if (!anchor) return 0;
      // Inside the literal run: the same distance into the source; past it, the data or helper that follows it.
      return Math.min(anchor.literal.start + Math.max(0, offset - anchor.at), anchor.literal.end);
    },
  };
}
