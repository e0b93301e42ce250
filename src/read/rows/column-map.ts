import YAML from 'yaml';
import { UsageError } from '../../errors.js';
import { closest, editDistance } from '../../text-distance.js';
import { BUSINESS_FIELDS, LOCALIZED_FIELDS, type FieldSpec } from '../../contract/business-fields.js';
import { readTextFile } from '../text-file.js';
import { headerKey, matchHeader, nearField } from './header-fields.js';
import type { RowEvent, RowSource } from './row-source.js';

/** The fields a run can fill, with the ones a notice cannot be made without. */
export interface FieldSet {
  readonly fields: ReadonlySet<string>;
  readonly required: ReadonlySet<string>;
  /** Fields that take per-language values (`private_areas.es`). */
  readonly localized: ReadonlySet<string>;
}

/** The fields of a run: the contract's and the template's (or packet's) own, required as the template says. */
export function runFields(templateFields: Readonly<Record<string, FieldSpec>>): FieldSet {
  return {
    fields: new Set([...BUSINESS_FIELDS, ...Object.keys(templateFields)]),
    required: new Set(
      Object.entries(templateFields)
        .filter(([, spec]) => spec.required)
        .map(([field]) => field),
    ),
    localized: new Set(LOCALIZED_FIELDS),
  };
}

/** `--map field=Header` and `--columns FILE`, merged: field → the header as the user wrote it. */
export type ExplicitColumns = Readonly<Record<string, string>>;

export interface MappedSource {
  /** The same rows with each record's keys renamed to fields; columns no field uses are left out unread. */
  readonly source: RowSource;
  /** One line per thing worth saying about the columns (ignored ones with a did-you-mean, a synonym passed over). */
  readonly notes: readonly string[];
}

/**
 * Decides which column gives which field, before any row is read:
 * `--map`/`--columns` first, then each header's own field name in any
 * spelling, then the synonyms cities use (header-fields.ts). Two columns for
 * one field at the same rank, a --map naming no column, or a required field
 * that no column gives is a usage error that shows the headers seen.
 */
export function mapColumns(source: RowSource, set: FieldSet, explicit: ExplicitColumns = {}): MappedSource {
  const where = whereColumns(source);
  const { byHeader, chosen, passedOver } = chooseColumns(source, set, explicit);
  const unused = source.columns.filter((header) => !byHeader.has(header) && !passedOver.some((line) => line.includes(`"${header}"`)));
  const missing = [...set.required].filter((field) => !chosen.has(field));
  if (missing.length > 0 && source.format !== 'ndjson') {
    const hints = unused.map((header) => [header, nearField(header, set.fields)] as const).filter(([, near]) => near !== undefined);
    const hint = hints.find(([, near]) => missing.includes(near!));
    throw new UsageError(
      `${where}: no column gives the required field${missing.length > 1 ? 's' : ''} ${missing.map((field) => `"${field}"`).join(', ')}; ` +
        `the columns are ${listed(source.columns)}. ` +
        (hint
          ? `If "${hint[0]}" is the ${hint[1]}, say --map ${hint[1]}="${hint[0]}"`
          : `Name the column "${missing[0]}", or say --map ${missing[0]}="Your Header"`) +
        (source.headerRow && source.headerRow > 1 ? '' : '; if the column names are lower down, say --header-row N'),
    );
  }
  // What the reader found at open (the header under a title, say) is said before the run starts.
  const notes: string[] = [...source.warnings.map((warning) => `${warning.file}: ${warning.message}`), ...passedOver];
  if (unused.length > 0) {
    const described = unused.slice(0, 12).map((header) => {
      const near = nearField(header, set.fields);
      return near && !chosen.has(near) ? `"${header}" (did you mean ${near}? say --map ${near}="${header}")` : `"${header}"`;
    });
    notes.push(
      `${source.file}: columns placard does not use are ignored: ${described.join(', ')}${unused.length > 12 ? ` and ${unused.length - 12} more` : ''}`,
    );
  }
  source.useOnly?.(new Set(byHeader.keys()));
  return { source: renamed(source, byHeader, set), notes };
}

/** A header's field: its own name or a synonym, or a per-language column such as "private_areas.es" or "Private Areas.ES". */
function matchColumn(header: string, set: FieldSet): { field: string; rank: number } | undefined {
  const at = header.lastIndexOf('.');
  if (at > 0) {
    const base = matchHeader(header.slice(0, at), set.fields);
    const lang = header.slice(at + 1).trim();
    if (base && set.localized.has(base.field) && lang !== '') return { field: `${base.field}.${lang.toLowerCase()}`, rank: base.rank };
  }
  return matchHeader(header, set.fields);
}

function fieldOf(field: string, set: FieldSet): string | undefined {
  const wanted = field.trim().toLowerCase();
  if (set.fields.has(wanted)) return wanted;
  const at = wanted.indexOf('.');
  return at > 0 && set.localized.has(wanted.slice(0, at)) ? wanted : undefined;
}

function passed(header: string, field: string, used: string): string {
  return `column "${header}" is not read: "${used}" gives the ${field} (say --map ${field}="${header}" to use "${header}" instead)`;
}

function listed(headers: readonly string[]): string {
  const shown = headers.slice(0, 20).map((header) => `"${header}"`);
  return `${shown.join(', ')}${headers.length > 20 ? ` and ${headers.length - 20} more` : ''}`;
}

/** The rows with keys renamed; NDJSON, whose keys are known only as rows come, is mapped key by key. */
function renamed(source: RowSource, byHeader: Map<string, string>, set: FieldSet): RowSource {
  const fieldFor = (key: string): string | undefined => {
    if (byHeader.has(key)) return byHeader.get(key);
    if (source.format !== 'ndjson') return undefined;
    const match = matchColumn(key, set);
    return match?.field;
  };
  async function* rows(): AsyncGenerator<RowEvent> {
    for await (const event of source.rows()) {
      if (!('record' in event)) {
        yield event;
        continue;
      }
      const record: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(event.record)) {
        const field = fieldFor(key);
        if (field !== undefined && !(field in record)) record[field] = value;
      }
      yield { row: event.row, record };
    }
  }
  return {
    file: source.file,
    format: source.format,
    get columns() {
      return [...new Set([...byHeader.values()])];
    },
    get warnings() {
      return source.warnings;
    },
    ...(source.headerRow !== undefined ? { headerRow: source.headerRow } : {}),
    rows,
    close: () => source.close(),
  };
}

/**
 * `--columns FILE`: a YAML (or JSON) mapping of field to header, like
 * `name: Business Legal Name`, read with the same limits as a business file.
 */
export function readColumnsFile(file: string): Record<string, string> {
  const text = readTextFile(file, 64 * 1024, 'columns file');
  let value: unknown;
  try {
    value = YAML.parse(text, { schema: 'failsafe', maxAliasCount: 0 });
  } catch (error) {
    throw new UsageError(`columns file ${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`columns file ${file}: expected lines like "name: Business Legal Name" (a field, a colon, the column's header)`);
  }
  const map: Record<string, string> = {};
  for (const [field, header] of Object.entries(value as Record<string, unknown>)) {
    if (typeof header !== 'string' || header.trim() === '')
      throw new UsageError(`columns file ${file}: "${field}" needs a column header as text, like "${field}: Business Name"`);
    map[field] = header;
  }
  return map;
}

/** `--map field=Header` flags, each "field=Header"; a later one for the same field wins. */
export function parseMapFlags(pairs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0 || pair.slice(at + 1).trim() === '')
      throw new UsageError(`--map expects field=Header (like --map name="Business Legal Name"), found "${pair}"`);
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}

/** The business field a `--map field=…` names; a usage error naming the nearest field when it names none. */
function knownField(field: string, set: FieldSet): string {
  const known = fieldOf(field, set);
  if (known) return known;
  const near = closest(field, [...set.fields]) ?? [...set.fields].find((candidate) => editDistance(candidate, field.toLowerCase()) <= 2);
  throw new UsageError(`--map ${field}=…: "${field}" is not a business field${near ? `; did you mean "${near}"?` : ''}`);
}

/** Refuses a `--map` (or columns file) that names no business field, before any file is read or written. */
export function checkMappedFields(set: FieldSet, explicit: ExplicitColumns = {}): void {
  for (const field of Object.keys(explicit)) knownField(field, set);
}

function whereColumns(source: Pick<RowSource, 'file' | 'headerRow'>): string {
  return `data file ${source.file}${source.headerRow ? ` (column names in row ${source.headerRow})` : ''}`;
}

/**
 * Which column gives which field, by the rules of mapColumns (which see), without reading a row:
 * the web page's column table shows exactly what the batch will do.
 */
export function chooseColumns(
  source: Pick<RowSource, 'file' | 'headerRow' | 'columns'>,
  set: FieldSet,
  explicit: ExplicitColumns = {},
): { byHeader: Map<string, string>; chosen: Map<string, { header: string; rank: number }>; passedOver: string[] } {
  const where = whereColumns(source);
  const byHeader = new Map<string, string>();
  const chosen = new Map<string, { header: string; rank: number }>();
  const passedOver: string[] = [];
  for (const [field, header] of Object.entries(explicit)) {
    const known = knownField(field, set);
    const column = source.columns.find((candidate) => headerKey(candidate) === headerKey(header));
    if (column === undefined) {
      const near = closest(header, [...source.columns]);
      throw new UsageError(
        `--map ${field}=${header}: ${where} has no column "${header}"${near ? `; did you mean "${near}"?` : ''}; its columns are ${listed(source.columns)}`,
      );
    }
    byHeader.set(column, known);
    chosen.set(known, { header: column, rank: -1 });
  }
  for (const header of source.columns) {
    if (byHeader.has(header)) continue;
    const match = matchColumn(header, set);
    if (!match) continue;
    const earlier = chosen.get(match.field);
    if (!earlier || match.rank < earlier.rank) {
      if (earlier) passedOver.push(passed(earlier.header, match.field, header));
      if (earlier) byHeader.delete(earlier.header);
      chosen.set(match.field, { header, rank: match.rank });
      byHeader.set(header, match.field);
    } else if (match.rank === earlier.rank) {
      throw new UsageError(
        `${where}: columns "${earlier.header}" and "${header}" could both be the field "${match.field}"; ` +
          `say which with --map ${match.field}="${earlier.header}"`,
      );
    } else passedOver.push(passed(header, match.field, earlier.header));
  }
  return { byHeader, chosen, passedOver };
}
