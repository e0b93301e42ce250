import { InputError } from '../errors.js';
import type { LaidPage } from '../layout/items.js';
import { layoutRecord, type LaidNotice, type Session } from '../pipeline.js';
import type { RawRecord } from '../contract/record.js';
import type { SessionOptions } from '../contract/public-api.js';
import type { Business } from '../validate/business.js';
import { defaultArrangement } from '../validate/notice-plan.js';

/** One printed piece of a packet's notice: its pages, the first carrying the notice's bookmark. */
export interface PacketPiece {
  readonly laid: LaidNotice;
  readonly pages: readonly LaidPage[];
}

/**
 * Lays out one notice of a packet in the arrangement that suits it for the
 * record's languages, rather than one --arrange for every notice:
 *
 * - an arrangement the packet or the run fixed is kept where it fits, and
 *   otherwise gives way to one page per language, with a warning;
 * - cards in duplex print one front/back pair per language beside the
 *   front language (English when the notice has it, else the first), as
 *   red cards do: en+es+so gives an en/es sheet pair and an en/so one;
 * - otherwise the template's default for that many languages (a door
 *   notice in columns from three languages), and one page per language
 *   when that does not fit.
 *
 * `business` is the record as the packet validated it, once for all its notices.
 */
export function layoutPacketNotice(
  session: Session,
  record: RawRecord,
  codes: readonly string[],
  title: string,
  business?: Business,
): PacketPiece[] {
  const { manifest } = session.template;
  const fixed = session.options.arrange;
  const arrange = fixed ?? defaultArrangement(session.template, codes.length);
  if (arrange === 'duplex') {
    const pairs = cardPairs(codes);
    return pairs.map((pair) => {
      const laid = layoutRecord(withOptions(session, { languages: pair, arrange }), record, business);
      const names = pair.map((code) => session.locales.get(code)?.meta.name ?? code).join(' / ');
      return piece(laid, pairs.length > 1 ? `${title} (${names})` : title);
    });
  }
  if (arrange === 'pages' || !manifest.arrangements.includes('pages')) return [piece(layoutRecord(session, record, business), title)];
  try {
    return [piece(layoutRecord(withOptions(session, { arrange }), record, business), title)];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Too much for one page in this arrangement: one page per language. If that fails too, its problem is the one to fix.
    // A fixed arrangement gives way too, and says so: a packet prints every notice on its one paper size.
    const laid = layoutRecord(withOptions(session, { arrange: 'pages' }), record, business);
    if (!fixed) return [piece(laid, title)];
    const message = `${manifest.id}: ${codes.length} languages do not fit one ${session.options.size ?? 'letter'} page in --arrange ${fixed}; printed one page per language`;
    return [piece({ ...laid, plan: { ...laid.plan, warnings: [...laid.plan.warnings, { message }] } }, title)];
  }
}

/**
 * Front and back languages for duplex cards: the front language with each
 * other one. One language is a single sheet.
 */
export function cardPairs(codes: readonly string[]): string[][] {
  const front = codes.includes('en') ? 'en' : codes[0]!;
  const others = codes.filter((code) => code !== front);
  return others.length === 0 ? [[front]] : others.map((other) => [front, other]);
}

function withOptions(session: Session, options: Partial<SessionOptions>): Session {
  return { ...session, options: { ...session.options, ...options } };
}

function piece(laid: LaidNotice, bookmark: string): PacketPiece {
  const [first, ...rest] = laid.pages;
  return { laid, pages: first ? [{ ...first, bookmark }, ...rest] : [] };
}
