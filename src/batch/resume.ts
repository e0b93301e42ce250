import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { sortedOptions, type ContentDigest, type Manifest, type ManifestEntry, type ManifestHeader } from './manifest.js';

/** What `--resume` does with one row, and why. */
export type ResumeDecision =
  { readonly action: 'skip'; readonly entry: ManifestEntry } | { readonly action: 'render'; readonly reason: string };

/** What this run will make for a row: its file name (from `FileNamer`), template and `recordSha256`. */
export interface RowPlan {
  readonly file: string;
  readonly template: string;
  readonly record_sha256: string;
}

/**
 * An earlier run's manifest, set against this run's header once, then asked about each row.
 *
 * A row is skipped only when all of these hold; otherwise it is rendered, for the first reason that applies:
 * 1. "no manifest from an earlier run";
 * 2. "placard version changed (0.1.0 → 0.2.0)": every row, since any release may draw differently;
 * 3. "template changed (a → b)" / "options changed (size: letter → a4)": every row;
 * 4. "not in the manifest": no earlier entry has this row's file name (a new row, or one whose name moved);
 * 5. "input changed": the entry's `record_sha256` differs: this row's data was edited;
 *    "content changed": its `content_sha256` is not what the template, fonts and its languages' locales give now
 *    (`rowContent`): an edited translation re-renders the notices in that language, and no others;
 * 6. "file missing": no regular file at the entry's name (deleted, or replaced by a folder or link);
 * 7. "file changed": the file's sha256 is not the one recorded.
 *
 * On `skip`, record the earlier entry again with this run's row and index (`{ ...entry, row, index }`), so the new
 * manifest is complete. test/batch/resume-run.test.ts wires every piece of src/batch/ the way a runner would.
 *
 * Rows are matched by file name, not row number, so inserting a row into the sheet re-renders only that row
 * (and rows whose collision suffix moved). A changed input file (another sha256) is reported once by
 * `changes()` but re-renders only the rows whose data changed.
 */
export class PreviousManifest {
  private readonly byFile: ReadonlyMap<string, ManifestEntry>;
  /** Why every row must be rendered again, or undefined when the earlier run's header still holds. */
  private readonly everyRow: string | undefined;

  constructor(
    private readonly manifest: Manifest | undefined,
    private readonly current: ManifestHeader,
  ) {
    this.byFile = new Map((manifest?.entries ?? []).map((entry) => [entry.file.toLowerCase(), entry]));
    this.everyRow = manifest ? headerChange(manifest, current) : 'no manifest from an earlier run';
  }

  /** Lines to print once at the start of a resume: what changed since the earlier run, and what that means. */
  changes(): string[] {
    if (!this.manifest) return ['no manifest from an earlier run: every row is rendered'];
    if (this.everyRow) return [`${this.everyRow}: every row is rendered again`];
    const lines: string[] = [];
    if (this.manifest.input.sha256 !== this.current.input.sha256) {
      lines.push(`the input changed since the earlier run: only rows whose data changed are rendered again`);
    }
    const before = this.manifest.content;
    const after = this.current.content;
    const changed = after ? (before ? contentChanges(before, after) : ['what placard recorded']) : [];
    if (changed.length > 0)
      lines.push(`${changed.join(', ')} changed since the earlier run: the notices made from them are rendered again`);
    return lines;
  }

  /** The decision that needs no file: `render` with a reason, or the entry whose file is to be checked. */
  match(row: RowPlan): { readonly entry: ManifestEntry } | { readonly reason: string } {
    if (this.everyRow) return { reason: this.everyRow };
    const entry = this.byFile.get(row.file.toLowerCase());
    if (!entry || entry.file !== row.file) return { reason: 'not in the manifest' };
    if (entry.template !== row.template) return { reason: `template changed (${entry.template} → ${row.template})` };
    if (entry.record_sha256 !== row.record_sha256) return { reason: 'input changed' };
    const content = this.current.content;
    if (content && entry.content_sha256 !== rowContent(content, entry.languages)) return { reason: 'content changed' };
    return { entry };
  }

  /** The whole decision for a row whose output would be DIR/row.file. */
  async decide(dir: string, row: RowPlan): Promise<ResumeDecision> {
    const matched = this.match(row);
    if ('reason' in matched) return { action: 'render', reason: matched.reason };
    return checkFile(matched.entry, await hashFile(join(dir, matched.entry.file)));
  }
}

/** Skip when the file on disk is the one the entry recorded; `sha256` is undefined when there is no file. */
export function checkFile(entry: ManifestEntry, sha256: string | undefined): ResumeDecision {
  if (sha256 === undefined) return { action: 'render', reason: 'file missing' };
  if (sha256 !== entry.sha256) return { action: 'render', reason: 'file changed' };
  return { action: 'skip', entry };
}

function headerChange(previous: ManifestHeader, current: ManifestHeader): string | undefined {
  if (previous.placard_version !== current.placard_version) {
    return `placard version changed (${previous.placard_version} → ${current.placard_version})`;
  }
  if (previous.template !== current.template) return `template changed (${previous.template} → ${current.template})`;
  const before = sortedOptions(previous.options);
  const after = sortedOptions(current.options);
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changed = names.filter((name) => canonicalJson(before[name]) !== canonicalJson(after[name]));
  if (changed.length === 0) return undefined;
  const shown = (value: unknown): string => (value === undefined ? '(none)' : Array.isArray(value) ? value.join(',') : String(value));
  return `options changed (${changed.map((name) => `${name}: ${shown(before[name])} → ${shown(after[name])}`).join('; ')})`;
}

/** sha256 of a file, streamed; undefined when there is no regular file at the path (missing, folder, link, FIFO). */
export async function hashFile(path: string): Promise<string | undefined> {
  try {
    if (!(await lstat(path)).isFile()) return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * sha256 of a row's record for `record_sha256`. Give it the validated record (trimmed values, lower-case field
 * names), so that only a change a notice could show counts: key order, undefined fields and the row's position
 * do not.
 */
export function recordSha256(record: Readonly<Record<string, unknown>>): string {
  return sha256Hex(canonicalJson(record));
}

/** JSON with object keys sorted and undefined members left out: equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Loops, not entries/filter/map/join: every row's record is hashed with this.
  if (Array.isArray(value)) {
    let text = '[';
    // A hole in a sparse array gives nothing between its commas, as join does (JSON never has one).
    for (let at = 0; at < value.length; at++) text += `${at > 0 ? ',' : ''}${at in value ? canonicalJson(value[at]) : ''}`;
    return `${text}]`;
  }
  // The default sort orders by UTF-16 code units, as < does.
  const keys = Object.keys(value).sort();
  let text = '{';
  for (const key of keys) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}

/**
 * What one notice was made from: the template, the fonts and the locales of its languages (and English, the
 * source every translation is checked against). A notice whose languages' locales are untouched keeps this
 * value when another language's translation is edited, so `--resume` renders again only the notices that change.
 */
export function rowContent(content: ContentDigest, languages: readonly string[]): string {
  const used = [...new Set([...languages, 'en'])].sort();
  return sha256Hex(
    canonicalJson({ templates: content.templates, fonts: content.fonts, locales: used.map((lng) => [lng, content.locales[lng] ?? null]) }),
  );
}

/** The locales whose content differs between two digests, and whether the templates or fonts do. */
export function contentChanges(before: ContentDigest, after: ContentDigest): string[] {
  const changed: string[] = [];
  if (before.templates !== after.templates) changed.push('the template');
  if (before.fonts !== after.fonts) changed.push('the fonts');
  const tags = [...new Set([...Object.keys(before.locales), ...Object.keys(after.locales)])].sort();
  const locales = tags.filter((tag) => before.locales[tag] !== after.locales[tag]);
  if (locales.length > 0) changed.push(`the ${locales.join(', ')} translation${locales.length === 1 ? '' : 's'}`);
  return changed;
}
