/**
 * Stand-ins: one private-use code point (plane 16) in place of each business
 * value, so that a template filled once for a record's shape (markup-shapes.ts)
 * serves every record of that shape. A slot says where a record's value for
 * a stand-in comes from: a business value, or a value's word in a language
 * ({{list}} and (word) translate vocabulary, per record).
 */
export type Slot =
  | { readonly kind: 'value'; readonly key: string; readonly item: number }
  | { readonly kind: 'word'; readonly of: number; readonly field: string; readonly lang: string };

/** Two sets of stand-ins, the second to show that the first occurs in the filled markup only where values went. */
export const STAND_IN_BASES = [0x100000, 0x108000] as const;
/** Slots one record may have: far more than any business has values. */
const MAX_SLOTS = 0x4000;

/** Any code point of either set (plane 16's private use), in a string. */
export const STAND_IN = /[\u{100000}-\u{10FFFD}]/u;
export const STAND_INS = /[\u{100000}-\u{10FFFD}]/gu;

/** A stand-in seen where the template does more with a value than print or test it; the filling stops. */
export class StandInSeen extends Error {
  constructor(readonly text: string) {
    super('a business value stood in for was read by a helper');
  }
}

/** The stand-ins of one filling: the slots they stand for, in the order the filling met them. */
export class StandIns {
  readonly slots: Slot[] = [];
  private readonly words = new Map<string, string>();

  constructor(readonly base: number) {}

  /** A new stand-in for a slot. */
  add(slot: Slot): string {
    if (this.slots.length >= MAX_SLOTS) throw new StandInSeen('');
    this.slots.push(slot);
    return String.fromCodePoint(this.base + this.slots.length - 1);
  }

  /** The slot a string stands for when it is exactly one stand-in of this set. */
  slotOf(text: string): number | undefined {
    if (text.length !== 2) return undefined;
    const index = text.codePointAt(0)! - this.base;
    return index >= 0 && index < this.slots.length ? index : undefined;
  }

  /** A stand-in for the word of a stand-in's value in a language (vocabulary.ts localWord), one per word. */
  word(standIn: string, field: string, lang: string): string {
    const of = this.slotOf(standIn);
    if (of === undefined) throw new StandInSeen(standIn);
    const id = `${of}\u0000${field}\u0000${lang}`;
    let found = this.words.get(id);
    if (found === undefined) {
      found = this.add({ kind: 'word', of, field, lang });
      this.words.set(id, found);
    }
    return found;
  }
}

/** Stops the filling when a value a helper reads (other than printing it) holds a stand-in. */
export function refuseStandIn(value: unknown): void {
  if (holdsStandIn(value)) throw new StandInSeen(String(value));
}

export function holdsStandIn(value: unknown): boolean {
  if (typeof value === 'string') return STAND_IN.test(value);
  if (Array.isArray(value)) return value.some(holdsStandIn);
  if (value !== null && typeof value === 'object') return STAND_IN.test(String(value));
  return false;
}
