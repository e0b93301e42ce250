import YAML from 'yaml';
import { knownColumns } from '../batch/known-columns.js';
import { PAGE_SIZE_NAMES, type PageSizeName } from '../contract/page-sizes.js';
import type { RawRecord } from '../contract/record.js';
import { ROW_LIMITS } from '../contract/input-limits.js';
import { parseSetFlags } from '../read/set-flags.js';
import { ARRANGEMENTS, type Arrangement } from '../contract/arrangements.js';
import { HttpError } from './http-basics.js';
import type { NoticeCatalog } from './notice-catalog.js';

/** One notice as the form asks for it: which notice, the paper, and the business's details. */
export interface NoticeRequest {
  readonly notice: string;
  readonly size?: PageSizeName;
  readonly arrange?: Arrangement;
  /** The details as `placard render --set key=value` pairs would give them. */
  readonly record: RawRecord;
  /** The same details in the order typed, as business.yaml holds them. */
  readonly details: Readonly<Record<string, string | readonly string[]>>;
}

/** The most fields one form may send: every contract field with a value per language for the localized ones. */
const MAX_FIELDS = 100;
const MAX_LANGUAGES = 40;

/**
 * Reads the form's JSON: only known notices, sizes, arrangements and field
 * names pass; each value is a string within the CLI's row limit. Nothing in
 * it ever names a file: the notice is looked up by id in the catalog.
 */
export function readNoticeRequest(body: Record<string, unknown>, catalog: NoticeCatalog): NoticeRequest {
  const notice = body.notice;
  if (typeof notice !== 'string' || !catalog.has(notice)) throw new HttpError(400, 'choose one of the notices this server offers');
  const size = optionalChoice(body.size, PAGE_SIZE_NAMES, 'size');
  const arrange = optionalChoice(body.arrange, ARRANGEMENTS, 'arrange');
  const known = knownColumns(catalog.get(notice)!.fields);
  const fields = body.fields ?? {};
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new HttpError(400, 'fields must be an object');
  const entries = Object.entries(fields as Record<string, unknown>);
  if (entries.length > MAX_FIELDS) throw new HttpError(400, `at most ${MAX_FIELDS} fields`);
  const details: Record<string, string | readonly string[]> = {};
  for (const [key, value] of entries) {
    const name = key.trim().toLowerCase();
    if (!known.has(name) || name === 'languages') throw new HttpError(400, `"${key.slice(0, 40)}" is not a field of this notice`);
    if (typeof value !== 'string') throw new HttpError(400, `field ${name} must be text`);
    if (Buffer.byteLength(value) > ROW_LIMITS.valueBytes) {
      throw new HttpError(400, `field ${name} is longer than ${ROW_LIMITS.valueBytes / 1024} KB`);
    }
    if (value.trim() !== '') details[name] = value;
  }
  const languages = body.languages ?? [];
  if (
    !Array.isArray(languages) ||
    languages.length > MAX_LANGUAGES ||
    !languages.every((code) => typeof code === 'string' && code.length <= 40)
  ) {
    throw new HttpError(400, `languages must be a list of at most ${MAX_LANGUAGES} language codes`);
  }
  if (languages.length > 0) details.languages = languages as string[];
  const sets = Object.entries(details).map(([key, value]) => `${key}=${typeof value === 'string' ? value : value.join(',')}`);
  return { notice, ...(size ? { size } : {}), ...(arrange ? { arrange } : {}), record: parseSetFlags(sets), details };
}

function optionalChoice<T extends string>(value: unknown, choices: readonly T[], name: string): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw new HttpError(400, `${name} must be one of ${choices.join(', ')}`);
}

/** business.yaml for these details, headed by the command that renders the same notice from it. */
export function businessYaml(request: NoticeRequest): string {
  const command = [
    'placard render',
    request.notice,
    '--data business.yaml',
    ...(request.size ? [`--size ${request.size}`] : []),
    ...(request.arrange ? [`--arrange ${request.arrange}`] : []),
  ].join(' ');
  return `# Made by placard serve. The same notice from a terminal:\n#   ${command}\n${YAML.stringify(request.details)}`;
}
