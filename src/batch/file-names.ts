import { createHash } from 'node:crypto';

/**
 * Output file names in a batch: `<stem>-<template>.pdf`.
 *
 * The stem is, in order of preference:
 * 1. the row's `id`, exactly as given, when it is a safe file name: ASCII letters, digits, `-`, `_` and `.`,
 *    not starting with `.` or `-` (a name starting with `-` reads as an option to the next command), at most 80 characters (`CITY-0042` gives `CITY-0042-private-areas.pdf`);
 * 2. otherwise the slug of the `id` (when it has one), else the slug of the `name`: the text is decomposed (NFKD),
 *    accents are dropped, a few letters are spelled out (ß → ss, æ → ae, ø → o, đ → d, ł → l, ı → i, þ → th),
 *    it is lower-cased, every run of anything other than `a-z` and `0-9` becomes one `-`, leading and trailing
 *    `-` go, and it is cut to at most 60 characters at a `-` where one is near (`Joe's Café` gives `joe-s-cafe`);
 * 3. a name that leaves no Latin letter or digit (`金龍餐館`, `مطعم`) gets `n-` and the first 10 hex digits of the
 *    SHA-256 of its NFC form (`n-3f2a9c0d1e`): the same name always gives the same file, wherever its row is;
 * 4. a row with neither id nor name (it cannot be rendered, but is named so that names never shift) gets `row-<N>`.
 *
 * The template id is added the same way (as given when safe, else slugged).
 *
 * Collisions: names are handed out in input order, in one pass, by one `FileNamer`. The first row to want a name
 * keeps it; later rows get `-2`, `-3`, … after the stem (`joe-s-cafe-2-private-areas.pdf`), skipping any name
 * already taken. Names are compared without regard to case, because macOS and Windows file systems do. So a
 * row's file name depends only on the rows before it in the input, never on which worker finishes first, on
 * `--jobs` or on `--shard`: call `name()` for every row of the input, in input order, including rows that fail
 * validation and rows that belong to another shard. Every name is ASCII, holds no `/`, `\` or other character
 * a file system refuses, never starts with `.` or `-` and stays under 200 bytes.
 */
export class FileNamer {
  private readonly taken = new Set<string>();
  /** The next suffix to try for a wanted name, so 2,000 rows named "Subway" stay linear. */
  private readonly nextSuffix = new Map<string, number>();

  /** Keeps a file name from every row (say, a --combined file inside the output folder). Call it before `name`. */
  reserve(fileName: string): void {
    this.taken.add(fileName.toLowerCase());
  }

  /** The file name for one row (1-based spreadsheet row number, raw or validated record, template id). */
  name(row: number, record: Readonly<Record<string, unknown>>, template: string): string {
    const stem = fileStem(row, record);
    const suffix = `-${safeName(template, 80) ?? (slug(template) || 'notice')}.pdf`;
    const wanted = `${stem}${suffix}`;
    let candidate = wanted;
    let counter = this.nextSuffix.get(wanted.toLowerCase()) ?? 2;
    while (this.taken.has(candidate.toLowerCase())) {
      candidate = `${stem}-${counter}${suffix}`;
      counter += 1;
    }
    if (candidate !== wanted) this.nextSuffix.set(wanted.toLowerCase(), counter);
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

/** The stem a row wants before collisions are resolved: its id, or the slug of its id or name, or a hash, or `row-N`. */
export function fileStem(row: number, record: Readonly<Record<string, unknown>>): string {
  const id = text(record.id);
  const name = text(record.name);
  if (id !== '') {
    const safe = safeName(id, 80);
    if (safe) return safe;
    const slugged = slug(id);
    if (slugged !== '') return slugged;
  }
  if (name !== '') {
    return slug(name) || `n-${createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 10)}`;
  }
  if (id !== '') return `n-${createHash('sha256').update(id.normalize('NFC')).digest('hex').slice(0, 10)}`;
  return `row-${row}`;
}

/** The value as it stands, when it is already a safe file name of at most `max` characters. */
function safeName(value: string, max: number): string | undefined {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(value) && value.length <= max ? value : undefined;
}

/** Letters that NFKD does not take apart, spelled the way people type them in ASCII. */
const SPELLED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
};

const SLUG_MAX = 60;

/** Lower-case ASCII letters and digits joined by single hyphens; empty when nothing Latin is left. */
export function slug(value: string): string {
  const plain = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłıþħŧ]/g, (letter) => SPELLED[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain.length <= SLUG_MAX) return plain;
  const cut = plain.slice(0, SLUG_MAX + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen >= SLUG_MAX - 20 ? cut.slice(0, hyphen) : cut.slice(0, SLUG_MAX)).replace(/-+$/, '');
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return '';
}
