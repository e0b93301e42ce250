/**
 * Second opinions from poppler (pdftotext, pdffonts, pdftoppm) and zbar (zbarimg), when they
 * are installed. Tests guard on `hasTool(...)`, e.g. `it.skipIf(!hasTool('pdffonts'))`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PdffontsRow {
  name: string;
  /** As pdffonts prints it, e.g. 'Type 1', 'CID TrueType', 'TrueType (OT)'. */
  type: string;
  emb: boolean;
}

const toolCache = new Map<string, boolean>();

/** Whether `name` is an executable on PATH (looked up once per name). */
export const hasTool = (name: string): boolean => {
  let found = toolCache.get(name);
  if (found === undefined) {
    // `command -v` is POSIX sh, so this works even where `which` is not installed.
    found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { stdio: 'ignore' }).status === 0;
    toolCache.set(name, found);
  }
  return found;
};

interface RunResult {
  status: number | null;
  stdout: string;
}

function run(command: string, args: string[], okStatuses: readonly number[] = [0]): RunResult {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status === null || !okStatuses.includes(result.status)) {
    const why = result.status === null ? `signal ${result.signal}` : `status ${result.status}`;
    throw new Error(`${command} ${args.join(' ')} failed with ${why}: ${result.stderr.trim()}`);
  }
  return { status: result.status, stdout: result.stdout };
}

/** Writes `bytes` to a fresh temp dir as doc.pdf, calls `use`, then removes the dir. */
function withTempPdf<T>(bytes: Uint8Array, use: (pdfPath: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'placard-test-'));
  try {
    const pdfPath = path.join(dir, 'doc.pdf');
    writeFileSync(pdfPath, bytes);
    return use(pdfPath, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Plain (non-layout) text of the whole document, UTF-8; pages end with '\f'. With `crop` (in points), only the text inside it. */
export function pdftotext(bytes: Uint8Array, crop?: { x: number; y: number; width: number; height: number }): string {
  const area = crop
    ? ['-x', crop.x, '-y', crop.y, '-W', crop.width, '-H', crop.height].map((part) =>
        typeof part === 'number' ? String(Math.round(part)) : part,
      )
    : [];
  return withTempPdf(bytes, (pdfPath) => run('pdftotext', ['-enc', 'UTF-8', ...area, pdfPath, '-']).stdout);
}

/** pdffonts' table, one row per font object. */
export function pdffonts(bytes: Uint8Array): PdffontsRow[] {
  return withTempPdf(bytes, (pdfPath) => parsePdffonts(run('pdffonts', [pdfPath]).stdout));
}

/**
 * Rows look like
 *   `CZZZZZ+NotoSans-Regular   CID TrueType   Identity-H   yes yes yes   8  0`.
 * Names and types may contain spaces and long names push the columns right, so parse from
 * the right: object number and generation, uni, sub, emb, encoding; then split what is left
 * into name and type by matching the (fixed) set of type names poppler prints.
 */
export function parsePdffonts(output: string): PdffontsRow[] {
  const lines = output.split('\n');
  const ruler = lines.findIndex((line) => /^-+(\s+-+)+\s*$/.test(line));
  if (ruler < 0) throw new Error(`Unexpected pdffonts output:\n${output}`);
  return lines
    .slice(ruler + 1)
    .filter((line) => line.trim() !== '')
    .map(parsePdffontsRow);
}

const PDFFONTS_ROW =
  /^(?<name>.*?)\s+(?<type>unknown|(?:CID )?(?:Type 0C?|Type 1C?|Type 3|TrueType)(?: \(OT\))?)\s+\S+\s+(?<emb>yes|no)\s+(?:yes|no)\s+(?:yes|no)\s+\d+\s+\d+\s*$/;

function parsePdffontsRow(line: string): PdffontsRow {
  const groups = PDFFONTS_ROW.exec(line)?.groups;
  if (!groups) throw new Error(`Unexpected pdffonts row: ${JSON.stringify(line)}`);
  return { name: groups['name'] ?? '', type: groups['type'] ?? '', emb: groups['emb'] === 'yes' };
}

/** zbarimg's exit status when it ran fine but found no symbol. */
const ZBAR_NOTHING_FOUND = 4;

/**
 * Renders one page with `pdftoppm -r dpi -png` and reads it with `zbarimg -q --raw`.
 * Returns the decoded text (several codes come back newline-separated) or null.
 */
export function zbarimg(bytes: Uint8Array, dpi = 150, pageIndex = 0): string | null {
  return withTempPdf(bytes, (pdfPath, dir) => {
    const page = String(pageIndex + 1);
    run('pdftoppm', ['-r', String(dpi), '-png', '-f', page, '-l', page, pdfPath, path.join(dir, 'page')]);
    // pdftoppm zero-pads the page number to the width of the page count: page-1.png, page-01.png…
    const png = readdirSync(dir).find((file) => file.startsWith('page') && file.endsWith('.png'));
    if (png === undefined) throw new Error(`pdftoppm rendered no page ${page}`);
    const { status, stdout } = run('zbarimg', ['-q', '--raw', path.join(dir, png)], [0, ZBAR_NOTHING_FOUND]);
    return status === ZBAR_NOTHING_FOUND ? null : stdout.replace(/\n$/, '');
  });
}

/**
 * The text of each tagged structure element that holds text, in tree order, as poppler's
 * `pdfinfo -struct-text` gives it (its marked-content pieces joined): what a screen reader
 * following the tag tree reads.
 */
export function structText(bytes: Uint8Array): string[] {
  const texts: string[] = [];
  let current: string | undefined;
  for (const line of withTempPdf(bytes, (pdfPath) => run('pdfinfo', ['-struct-text', pdfPath]).stdout).split('\n')) {
    const quoted = /^\s*"(.*)"$/.exec(line)?.[1];
    if (quoted === undefined) {
      if (current !== undefined) texts.push(current);
      current = undefined;
    } else {
      current = (current ?? '') + quoted;
    }
  }
  if (current !== undefined) texts.push(current);
  return texts;
}
