import { isDeepStrictEqual } from 'node:util';
import { MAX_FILL_CHARS, MAX_OUTPUT_BYTES } from '../contract/input-limits.js';
import type { Translate } from '../strings/translator.js';
import { localWord } from '../strings/vocabulary.js';
import type { Business } from '../validate/business.js';
import type { NoticePlan } from '../validate/notice-plan.js';
import { FillBudget } from './fill-budget.js';
import type { TemplateFill } from './fill-template.js';
import { handlebars, type FillData } from './handlebars-env.js';
import { noticeContext, shapeOfPlan } from './notice-context.js';
import { STAND_IN, STAND_IN_BASES, STAND_INS, StandIns, StandInSeen, type Slot } from './stand-ins.js';

/** Markup filled with stand-ins, made into what a record's values fill in (parse/markup-template.ts); undefined if it cannot be. */
export type ShapeMarkup<R> = (markup: string, base: number, count: number) => ((values: readonly string[]) => R) | undefined;

interface Shape<R> {
  readonly slots: readonly Slot[];
  readonly make: (values: readonly string[]) => R;
  /** Characters the stand-in filling counted, and times it counted each slot's stand-in (fill-budget.ts). */
  readonly chars: number;
  readonly counted: readonly number[];
  /** UTF-8 bytes of the markup, and each slot's stand-ins in it. */
  readonly bytes: number;
  readonly printed: readonly number[];
}

/** Shapes a session keeps: a few kinds of record (which values are there, how many list entries) make a batch. */
const SHAPE_LIMIT = 64;
/** After this many shapes made, shapes that are not met again stop being made (each costs about three fillings). */
const TRIAL = 32;
/** Vocabulary words kept per session. */
const WORD_LIMIT = 10_000;

/**
 * Filled and parsed notice markup by a record's shape (#21). Records of a
 * session differ only in their business values; the template is filled once
 * per shape with a stand-in for each value (stand-ins.ts), the stand-ins'
 * markup parsed once, and each record's values are put in the parsed text and
 * attributes. Only where that gives what filling and parsing the record give:
 * the template must not read inside values (fill-template.ts), helpers refuse
 * stand-ins they would read (handlebars-env.ts; such fields become part of the
 * shape), values must read back from markup as written (no control
 * characters or line breaks), the stand-ins must land only in text and
 * attributes, and the first record of a shape is checked against the plain
 * path. Anything else takes the plain path.
 */
export class MarkupShapes<R> {
  /** By shape key: the shape; null when it cannot be made; `once` when met once (a lone notice never pays for a shape). */
  private readonly shapes = new Map<string, Shape<R> | null | 'once'>();
  /** Fields a helper reads (vocabulary words, say): their values are part of the shape. */
  private readonly keyFields = new Set<string>();
  /** Words of values, for the translator that found them. */
  private readonly words = { translate: undefined as Translate | undefined, kept: new Map<string, string>() };
  private made = 0;
  private hits = 0;

  constructor(
    private readonly fill: TemplateFill,
    private readonly parse: (markup: string) => R,
    private readonly shape: ShapeMarkup<R>,
  ) {}

  /** The parsed markup of a notice: what `parse(fill(noticeContext(plan), data))` gives. */
  notice(plan: NoticePlan, data: FillData): R {
    if (!this.fill.standIns()) return this.plain(plan, data);
    // Shapes hold the strings of the translator they were filled with.
    if (this.words.translate !== data.translate) {
      this.words.translate = data.translate;
      this.words.kept.clear();
      this.shapes.clear();
    }
    const key = shapeKey(plan, this.keyFields);
    if (key === undefined) return this.plain(plan, data);
    const known = this.shapes.get(key);
    if (known === undefined) {
      this.keep(key, 'once');
      return this.plain(plan, data);
    }
    if (known === 'once') return this.learn(plan, data);
    if (known === null) return this.plain(plan, data);
    this.hits++;
    return fromShape(known, plan.business, this.wordsOf(data.translate)) ?? this.plain(plan, data);
  }

  private wordsOf(translate: Translate): Words {
    return keptWords(translate, this.words.kept);
  }

  private plain(plan: NoticePlan, data: FillData): R {
    return this.parse(this.fill(noticeContext(plan), data));
  }

  /** The plain path first (translation warnings come in its order), then the shape made and checked against it. */
  private learn(plan: NoticePlan, data: FillData): R {
    const markup = this.fill(noticeContext(plan), data);
    const result = this.parse(markup);
    if (this.made >= TRIAL && this.hits < this.made) return result;
    this.made++;
    const shape = this.build(plan, data, markup, result);
    const key = shapeKey(plan, this.keyFields);
    if (key !== undefined) this.keep(key, shape);
    return result;
  }

  private keep(key: string, shape: Shape<R> | null | 'once'): void {
    this.shapes.delete(key);
    this.shapes.set(key, shape);
    if (this.shapes.size > SHAPE_LIMIT) this.shapes.delete(this.shapes.keys().next().value!);
  }

  private build(plan: NoticePlan, data: FillData, markup: string, result: R): Shape<R> | null {
    const [base, other] = STAND_IN_BASES;
    for (let attempt = 0; attempt < 16; attempt++) {
      const first = this.standInFill(plan, data, base);
      if (first instanceof StandInSeen) {
        if (!this.readsFields(first, base, plan)) return null;
        continue;
      }
      const second = this.standInFill(plan, data, other);
      if (!first || !second || second instanceof StandInSeen) return null;
      const { slots } = first.standIns;
      // The first set of stand-ins is in the markup only where values went: renamed, it is the second set's markup.
      if (swap(first.markup, base, slots.length, (index) => String.fromCodePoint(other + index)) !== second.markup) return null;
      let values: string[];
      try {
        values = slotValues(slots, plan.business, this.wordsOf(data.translate));
      } catch {
        return null;
      }
      if (!values.every(safe)) return null;
      if (swap(first.markup, base, slots.length, (index) => escape(values[index]!)) !== markup) return null;
      let make: ((values: readonly string[]) => R) | undefined;
      try {
        make = this.shape(first.markup, base, slots.length);
        if (!make || !isDeepStrictEqual(make(values), result)) return null;
      } catch {
        return null;
      }
      const printed = new Array<number>(slots.length).fill(0);
      for (const match of first.markup.matchAll(STAND_INS)) {
        const index = match[0].codePointAt(0)! - base;
        if (index >= 0 && index < slots.length) printed[index]!++;
      }
      const counted = Array.from({ length: slots.length }, (_, index) => first.budget.counted[index] ?? 0);
      return { slots, make, chars: first.budget.chars, counted, bytes: Buffer.byteLength(first.markup), printed };
    }
    return null;
  }

  /** The template filled with stand-ins from `base`; a StandInSeen when a helper read one, undefined when the filling failed. */
  private standInFill(plan: NoticePlan, data: FillData, base: number) {
    const standIns = new StandIns(base);
    const budget = new CountingBudget(base);
    const business = standInBusiness(plan.business, this.keyFields, standIns);
    try {
      const markup = this.fill(noticeContext({ ...plan, business }), { ...data, standIns, budget });
      return { markup, standIns, budget };
    } catch (error) {
      return error instanceof StandInSeen ? Object.assign(error, { standIns }) : undefined;
    }
  }

  /** Makes the fields whose stand-ins a helper read part of the shape; false when there are none to make. */
  private readsFields(seen: StandInSeen & { standIns?: StandIns }, base: number, plan: NoticePlan): boolean {
    const slots = seen.standIns?.slots ?? [];
    let added = false;
    for (const match of seen.text.matchAll(STAND_INS)) {
      let slot = slots[match[0].codePointAt(0)! - base];
      while (slot?.kind === 'word') slot = slots[slot.of];
      if (slot && !this.keyFields.has(slot.key) && slot.key in plan.business) {
        this.keyFields.add(slot.key);
        added = true;
      }
    }
    return added;
  }
}

/** A record's notice from its shape, or undefined where the plain path must decide (a value that would not read back, a limit, an error). */
function fromShape<R>(shape: Shape<R>, business: Business, word: Words): R | undefined {
  try {
    const values = slotValues(shape.slots, business, word);
    let chars = shape.chars;
    let bytes = shape.bytes;
    for (let index = 0; index < values.length; index++) {
      const value = values[index]!;
      if (!safe(value)) return undefined;
      if (shape.counted[index] === 0 && shape.printed[index] === 0) continue;
      const escaped = escape(value);
      chars += shape.counted[index]! * (escaped.length - 2);
      bytes += shape.printed[index]! * (Buffer.byteLength(escaped) - 4);
    }
    if (chars > MAX_FILL_CHARS || bytes > MAX_OUTPUT_BYTES) return undefined;
    return shape.make(values);
  } catch {
    return undefined;
  }
}

/** A value's word in a language (vocabulary.ts localWord), kept by the session's shapes. */
type Words = (value: string, field: string, lang: string) => string;

/** localWord with its answers kept: a batch's vocabulary fields repeat a few values (the translator noted any warning the first time). */
function keptWords(translate: Translate, kept: Map<string, string>): Words {
  return (value, field, lang) => {
    const id = `${field}\u0000${lang}\u0000${value}`;
    let word = kept.get(id);
    if (word === undefined) {
      word = localWord(value, field, lang, translate);
      if (kept.size >= WORD_LIMIT) kept.clear();
      kept.set(id, word);
    }
    return word;
  };
}

/** Each slot's value for a record: a business value, or its word in a language (as {{list}} and (word) give it). */
function slotValues(slots: readonly Slot[], business: Business, word: Words): string[] {
  const values: string[] = [];
  for (const slot of slots) {
    if (slot.kind === 'word') {
      values.push(word(values[slot.of]!, slot.field, slot.lang));
      continue;
    }
    const value = slot.item < 0 ? business[slot.key] : (business[slot.key] as readonly string[] | undefined)?.[slot.item];
    if (typeof value !== 'string') throw new Error(`no value for ${slot.key}`);
    values.push(value);
  }
  return values;
}

/** The business with a stand-in for each value that is not empty (a field in `keep` as it is). */
function standInBusiness(business: Business, keep: ReadonlySet<string>, standIns: StandIns): Business {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(business)) {
    const value = business[key];
    if (keep.has(key) || value === undefined || value === '') out[key] = value;
    else if (typeof value === 'string') out[key] = standIns.add({ kind: 'value', key, item: -1 });
    else out[key] = value.map((item, index) => (item === '' ? item : standIns.add({ kind: 'value', key, item: index })));
  }
  return out as Business;
}

/**
 * What decides how a template fills for a record, but its values: everything
 * of the plan but the business, each business field's presence (and list
 * length), and the values of the fields in `keep`. Undefined when a value
 * cannot be stood in for.
 */
function shapeKey(plan: NoticePlan, keep: ReadonlySet<string>): string | undefined {
  let key = JSON.stringify(shapeOfPlan(plan));
  const { business } = plan;
  for (const name of Object.keys(business)) {
    const value = business[name];
    // The name as JSON (no NUL in it), then what is known of its value.
    key += `\u0000${JSON.stringify(name)}`;
    if (keep.has(name)) {
      if (typeof value === 'string' ? !safe(value) : Array.isArray(value) && !value.every((item) => typeof item === 'string' && safe(item)))
        return undefined;
      key += `=${JSON.stringify(value ?? null)}`;
    } else if (value === undefined) key += 'u';
    else if (typeof value === 'string') {
      if (value !== '' && !safe(value)) return undefined;
      key += value === '' ? 'e' : 's';
    } else if (Array.isArray(value)) {
      key += '[';
      for (const item of value as readonly unknown[]) {
        if (typeof item !== 'string' || (item !== '' && !safe(item))) return undefined;
        key += item === '' ? 'e' : 's';
      }
    } else return undefined;
  }
  return key;
}

/**
 * A value that reads back from escaped markup as it is: no control characters or line breaks (XML changes
 * them), no non-characters or lone surrogates (XML refuses them), and none of plane 16's private use (the stand-ins).
 */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF\u{F0000}-\u{10FFFF}]/u;
const safe = (value: string): boolean => !UNSAFE.test(value);

const escape = (value: string): string => handlebars.escapeExpression(value);

/** The markup with each stand-in of the set at `base` (one of `count`) replaced. */
function swap(markup: string, base: number, count: number, by: (index: number) => string): string {
  return markup.replace(STAND_INS, (found) => {
    const index = found.codePointAt(0)! - base;
    return index >= 0 && index < count ? by(index) : found;
  });
}

/** The fill budget, also counting the times each stand-in is counted (for a record's own count: fromShape). */
class CountingBudget extends FillBudget {
  readonly counted: number[] = [];

  constructor(private readonly base: number) {
    super('stand-ins');
  }

  override spend(text = ''): void {
    super.spend(text);
    if (!STAND_IN.test(text)) return;
    for (const match of text.matchAll(STAND_INS)) {
      const index = match[0].codePointAt(0)! - this.base;
      if (index >= 0) this.counted[index] = (this.counted[index] ?? 0) + 1;
    }
  }
}
