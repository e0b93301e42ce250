/** What a number cell shows, reduced to the cases placard renders exactly. */
export type CellStyle =
  | { readonly kind: 'general' }
  | { readonly kind: 'date' }
  | { readonly kind: 'zeros'; readonly pattern: string }
  | { readonly kind: 'digits'; readonly sections: readonly DigitSection[] };

/** One section of a format of digit places and literal text, like (###) ###-####, with its condition ([<=9999999]) if any. */
export interface DigitSection {
  readonly condition?: { readonly op: string; readonly value: number };
  readonly parts: readonly ('0' | '#' | { readonly literal: string })[];
}

const GENERAL: CellStyle = { kind: 'general' };
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/**
 * The style of a number format: dates (built-in ids, or a code with d, m, y,
 * h or s outside quotes and brackets), codes of only zeros and separators
 * like "00000" or "00000-0000" (a ZIP code typed as a number still shows its
 * leading zero), and everything else shown as General.
 */
export function cellStyle(id: number, code: string | undefined): CellStyle {
  if (BUILT_IN_DATES.has(id)) return { kind: 'date' };
  if (code === undefined) return GENERAL;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  if (/[dmyhs]/i.test(bare.split(';')[0]!) && !/^general$/i.test(bare)) return { kind: 'date' };
  if (/^0+([- ]0+)*$/.test(bare)) return { kind: 'zeros', pattern: bare };
  const sections = digitSections(code);
  return sections ? { kind: 'digits', sections } : GENERAL;
}

/**
 * A format made only of digit places (0, #) and literal text, such as the
 * phone formats (###) ###-#### and [<=9999999]###-####;(###) ###-####, or
 * undefined for any other (decimals, thousands separators, percent, text).
 */
export function digitSections(code: string): DigitSection[] | undefined {
  const sections: DigitSection[] = [];
  for (const source of code.split(';').slice(0, 3)) {
    const parts: DigitSection['parts'][number][] = [];
    let condition: DigitSection['condition'];
    for (let i = 0; i < source.length; i++) {
      const char = source[i]!;
      if (char === '0' || char === '#') parts.push(char);
      else if (char === '"') {
        const end = source.indexOf('"', i + 1);
        if (end < 0) return undefined;
        parts.push({ literal: source.slice(i + 1, end) });
        i = end;
      } else if (char === '\\') parts.push({ literal: source[++i] ?? '' });
      else if (char === '[') {
        const end = source.indexOf(']', i);
        if (end < 0) return undefined;
        const found = /^\[(<=|>=|<>|<|>|=)(-?\d+(?:\.\d+)?)\]$/.exec(source.slice(i, end + 1));
        if (found) condition = { op: found[1]!, value: Number(found[2]) };
        i = end;
      } else if (char === '_' || char === '*') i++;
      else if (' ()-/+:$'.includes(char)) parts.push({ literal: char });
      else return undefined;
    }
    if (!parts.some((part) => typeof part === 'string')) return sections.length > 0 ? sections : undefined;
    sections.push({ ...(condition ? { condition } : {}), parts });
  }
  return sections.length > 0 ? sections : undefined;
}

function holds(condition: DigitSection['condition'], n: number): boolean {
  if (!condition) return true;
  const { op, value } = condition;
  return op === '<='
    ? n <= value
    : op === '>='
      ? n >= value
      : op === '<'
        ? n < value
        : op === '>'
          ? n > value
          : op === '='
            ? n === value
            : n !== value;
}

/** A whole number shown through digit places: # shows a digit if there is one, 0 always shows one, extra digits go to the first place. */
function digitText(sections: readonly DigitSection[], n: number): string | undefined {
  const conditional = sections.some((section) => section.condition);
  const section = conditional ? sections.find((candidate) => holds(candidate.condition, n)) : sections[0];
  if (!section) return undefined;
  const digits = String(n);
  const places = section.parts.filter((part) => typeof part === 'string').length;
  let left = digits.length;
  let place = places;
  const out: string[] = [];
  for (let i = section.parts.length - 1; i >= 0; i--) {
    const part = section.parts[i]!;
    if (typeof part !== 'string') {
      out.push(part.literal);
      continue;
    }
    place--;
    if (place === 0 && left > 0) out.push(digits.slice(0, left));
    else if (left > 0) out.push(digits[left - 1]!);
    else if (part === '0') out.push('0');
    left = place === 0 ? 0 : Math.max(0, left - 1);
  }
  return out.reverse().join('');
}

export type CellText = { readonly text: string } | { readonly problem: string };

const TOO_PRECISE =
  'is a number with more than 15 digits, which Excel cannot store exactly (it keeps 15), so its digits may already have changed; ' +
  'format the column as Text, type the value again and save';

/**
 * The text of a number cell from the number as stored in the file. General
 * numbers show without float noise (55407, not 55407.0; 0.1+0.2 is 0.3); a
 * number with more than 15 significant digits cannot be trusted and is a
 * problem rather than a changed phone number. Dates become ISO text.
 */
export function numberText(raw: string, style: CellStyle, date1904: boolean): CellText {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n))
    return { problem: `holds "${raw.slice(0, 40)}", which is not a number Excel can store; save the workbook again` };
  if (style.kind === 'date') return dateText(n, date1904);
  if (/^-?\d+$/.test(raw.trim())) {
    if (raw.trim().replace(/^-?0*/, '').length > 15) return { problem: TOO_PRECISE };
  } else if (Number.isInteger(n) && Math.abs(n) >= 1e15) return { problem: TOO_PRECISE };
  if (style.kind === 'zeros' && Number.isInteger(n) && n >= 0) {
    const digits = String(n);
    const slots = style.pattern.replace(/[^0]/g, '').length;
    if (digits.length <= slots) return { text: fillPattern(style.pattern, digits.padStart(slots, '0')) };
  }
  if (style.kind === 'digits' && Number.isInteger(n) && n >= 0) {
    const shown = digitText(style.sections, n);
    if (shown !== undefined) return { text: shown };
  }
  const text = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
  if (/e/i.test(text))
    return { problem: `is the number ${text}, too small to show as text; format the column as Text and type the value again` };
  return { text };
}

function fillPattern(pattern: string, digits: string): string {
  let next = 0;
  return pattern.replace(/0/g, () => digits[next++]!);
}

const DAY = 86_400_000;

/** A date serial as ISO text: 2026-11-26, with T09:30:00 when it has a time of day, or only 09:30:00 for a time. */
function dateText(serial: number, date1904: boolean): CellText {
  if (serial < 0 || serial > 2_958_465)
    return { problem: `is the date number ${serial}, outside the dates Excel can show; check the cell` };
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days++;
    seconds = 0;
  }
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  if (!date1904 && days === 0) return { text: time };
  if (!date1904 && days === 60) return { problem: 'is the date 1900-02-29, which never existed (an old Excel quirk); type the date again' };
  // The 1900 system counts a 29 February 1900 that never was, so serials from 61 on are one day ahead.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const date = new Date(epoch + days * DAY).toISOString().slice(0, 10);
  return { text: seconds === 0 ? date : `${date}T${time}` };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The text of a cell of type d (an ISO date written as text): midnight is left out. */
export function isoDateText(raw: string): string {
  return raw.replace(/T00:00(:00(\.0+)?)?Z?$/, '');
}
