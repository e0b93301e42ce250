import { randomUUID } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  createWriteStream,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { UsageError } from '../errors.js';

/**
 * Where an output goes, checked before any work is done:
 * - `file`: a regular file (new or existing), written to a temporary file
 *   beside it and renamed over it, so no half-written file is ever seen;
 * - `stream`: an existing FIFO or character device (/dev/null, a terminal),
 *   written directly, since renaming over it would replace it.
 * `path` is the real place: a symlink is followed to its target, so the link stays.
 */
export interface OutputTarget {
  readonly given: string;
  readonly path: string;
  readonly kind: 'file' | 'stream';
  /** Permission bits of the file being replaced, kept on the new file. */
  readonly mode?: number;
  readonly tempTag?: string;
}

/** The temporary file beside `path` that is renamed over it: `.<name>.<tag>-<12 hex>.tmp` (no tag: `.<name>.<12 hex>.tmp`). */
export function temporaryFile(path: string, tag?: string): string {
  // A version 4 UUID ends in 48 random bits, 12 hex digits; Node draws them from a batch of random bytes it keeps,
  // where randomBytes(6) asked the generator anew for every file (a batch names a temporary file per row).
  return join(dirname(path), temporaryName(basename(path), tag));
}

/** The name of a temporary file for a file named `name` (temporaryFile). */
function temporaryName(name: string, tag?: string): string {
  return `.${name}.${tag ? `${tag}-` : ''}${randomUUID().slice(24)}.tmp`;
}

/** Whether a file name is a temporary file `temporaryFile` made with this tag. */
export function isTemporaryName(name: string, tag: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp') && new RegExp(`\\.${tag}-[0-9a-f]{12}\\.tmp$`).test(name);
}

export interface OutputOptions {
  /** Files this run reads (data, template, fonts): an output may never be one of them. */
  readonly inputs?: readonly string[];
  /** What the output is, for messages ("manifest", "combined file"); by default just its path. */
  readonly what?: string;
  /**
   * Never follow a symlink at this name: replace the link itself with a regular file. For files placard names
   * inside an output folder that others may share (a batch's row PDFs and bookkeeping): a link planted there
   * must not turn the write into one somewhere else (see SECURITY.md).
   */
  readonly replaceLinks?: boolean;
  /** Marks this run's temporary files (see `temporaryFile`), so a run sweeps only its own leftovers. */
  readonly tempTag?: string;
}

/** Checks where `given` may be written, following symlinks; refuses what must never be replaced (exit 2). */
export function checkOutput(given: string, options: OutputOptions = {}): OutputTarget {
  const what = options.what ?? '';
  const tag = options.tempTag ? { tempTag: options.tempTag } : {};
  const path = options.replaceLinks ? resolve(given) : followLinks(given, what);
  const found = lstatOrUndefined(path);
  const stats = found?.isSymbolicLink() ? undefined : found;
  if (!stats) {
    const folder = dirname(path);
    const parent = statOrUndefined(folder);
    if (!parent) throw new UsageError(`cannot write ${name(what, given)}: the folder ${folder} does not exist; create it first`);
    if (!parent.isDirectory()) throw new UsageError(`cannot write ${name(what, given)}: ${folder} is not a folder`);
    return { given, path, kind: 'file', ...tag };
  }
  for (const input of options.inputs ?? []) {
    const other = statOrUndefined(input);
    if (other && other.dev === stats.dev && other.ino === stats.ino) {
      throw new UsageError(`cannot write ${name(what, given)}: it is the input file ${input}; choose another output name`);
    }
  }
  if (stats.isDirectory()) throw new UsageError(`cannot write ${name(what, given)}: it is a folder; give a file name`);
  if (stats.isFIFO() || stats.isCharacterDevice()) {
    mayWrite(path, stats, given, what);
    return { given, path, kind: 'stream' };
  }
  if (!stats.isFile()) throw new UsageError(`cannot write ${name(what, given)}: it is not a regular file, a FIFO or a character device`);
  mayWrite(path, stats, given, what);
  return { given, path, kind: 'file', mode: stats.mode & 0o7777, ...tag };
}

/** Writes `bytes` to a checked target: atomically for a file, directly for a FIFO or device. */
export async function writeOutput(target: OutputTarget, bytes: Uint8Array): Promise<void> {
  if (target.kind === 'stream') return writeStream(target, bytes);
  const temporary = temporaryFile(target.path, target.tempTag);
  try {
    await writeFile(temporary, bytes, { flag: 'wx', mode: 0o666 });
    if (target.mode !== undefined) await chmod(temporary, target.mode);
    await rename(temporary, target.path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new UsageError(`cannot write ${target.given}: ${reason(error)}`);
  }
}

/** `writeOutput` without the hop to libuv's thread pool, for a batch worker thread that has nothing else to do meanwhile. */
export function writeOutputSync(target: OutputTarget, bytes: Uint8Array): void {
  if (target.kind === 'stream') return writeStream(target, bytes);
  replaceSync(target, temporaryFile(target.path, target.tempTag), bytes);
}

function replaceSync(target: Pick<OutputTarget, 'given' | 'path' | 'mode'>, temporary: string, bytes: Uint8Array): void {
  try {
    writeFileSync(temporary, bytes, { flag: 'wx', mode: 0o666 });
    if (target.mode !== undefined) chmodSync(temporary, target.mode);
    renameSync(temporary, target.path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${target.given}: ${reason(error)}`);
  }
}

/**
 * A folder that many files are written into by name, links at their names replaced, never followed (a batch's
 * row PDFs): `write(name, bytes)` checks and writes as `writeOutputSync(checkOutput(join(dir, name), { replaceLinks:
 * true, ... }))` does, with the folder's path made once, not for every file, and the folder checked by the first
 * write, then again only when a write fails (a folder removed meanwhile is then said as `checkOutput` says it).
 * A name that is there already, but for a link, is checked in full (its mode kept, an input or read-only file refused).
 */
export class OutputFolder {
  private readonly options: OutputOptions;
  /** join(dir, name) and resolve(dir, name) are these followed by the name, for a name that is one plain part. */
  private readonly given: string;
  private readonly path: string;
  private checked = false;

  constructor(
    private readonly dir: string,
    options: Pick<OutputOptions, 'inputs' | 'tempTag'>,
  ) {
    this.options = { ...options, replaceLinks: true };
    this.given = join(dir, 'x').slice(0, -1);
    this.path = resolve(dir, 'x').slice(0, -1);
  }

  write(name: string, bytes: Uint8Array): void {
    const plain = name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes(sep);
    if (!plain) return writeOutputSync(checkOutput(join(this.dir, name), this.options), bytes);
    const given = this.given + name;
    const path = this.path + name;
    if (!this.checked || lstatOrUndefined(path)?.isSymbolicLink() === false) {
      writeOutputSync(checkOutput(given, this.options), bytes);
      this.checked = true;
      return;
    }
    try {
      replaceSync({ given, path }, this.path + temporaryName(name, this.options.tempTag), bytes);
    } catch (error) {
      checkOutput(given, this.options);
      throw error;
    }
  }
}

/**
 * A checked target opened for writing piece by piece (a combined print file
 * too large to hold in memory): a file is written to a temporary file that
 * `commit` renames into place and `abort` removes; a FIFO or device directly.
 */
export interface OutputStream {
  readonly stream: Writable;
  /** The temporary file being written, for a file target (what a signal handler must remove). */
  readonly temporary?: string;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export function openOutputStream(target: OutputTarget): OutputStream {
  if (target.kind === 'stream') {
    const stream = createWriteStream('', { fd: openStream(target) });
    // A write error (a full disk, a reader gone) is reported by `commit`, never thrown from an event.
    stream.on('error', () => undefined);
    return {
      stream,
      commit: async () => {
        try {
          if (!stream.writableEnded) stream.end();
          await finished(stream);
        } catch (error) {
          throw new UsageError(`cannot write ${target.given}: ${reason(error)}`);
        }
      },
      abort: async () => void stream.destroy(),
    };
  }
  const temporary = temporaryFile(target.path, target.tempTag);
  const stream = createWriteStream(temporary, { flags: 'wx', mode: 0o666 });
  stream.on('error', () => undefined);
  return {
    stream,
    temporary,
    commit: async () => {
      try {
        if (!stream.writableEnded) stream.end();
        await finished(stream);
        if (target.mode !== undefined) await chmod(temporary, target.mode);
        await rename(temporary, target.path);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new UsageError(`cannot write ${target.given}: ${reason(error)}`);
      }
    },
    abort: async () => {
      stream.destroy();
      await rm(temporary, { force: true }).catch(() => undefined);
    },
  };
}

/** Checks, then writes: the one way placard writes a file the user named. */
export async function writeSafely(given: string, bytes: Uint8Array, options: OutputOptions = {}): Promise<void> {
  await writeOutput(checkOutput(given, options), bytes);
}

function writeStream(target: OutputTarget, bytes: Uint8Array): void {
  const fd = openStream(target);
  try {
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (error) {
    throw new UsageError(`cannot write ${target.given}: ${reason(error)}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a FIFO or device for writing. A FIFO nobody reads would block for
 * ever, so it is first opened without waiting, to find out; that first
 * descriptor stays open until the real one is, or the reader would see the
 * end of its input in between and go away.
 */
function openStream(target: OutputTarget): number {
  let probe: number | undefined;
  try {
    probe = openSync(target.path, constants.O_WRONLY | constants.O_NONBLOCK);
    return openSync(target.path, constants.O_WRONLY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENXIO') throw new UsageError(`cannot write ${target.given}: it is a FIFO that no program is reading`);
    throw new UsageError(`cannot write ${target.given}: ${reason(error)}`);
  } finally {
    if (probe !== undefined) closeSync(probe);
  }
}

/** The path a chain of symlinks ends at (which may not exist yet). */
function followLinks(given: string, what: string): string {
  let path = resolve(given);
  for (let hops = 0; hops < 40; hops++) {
    const stats = lstatOrUndefined(path);
    if (!stats?.isSymbolicLink()) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw new UsageError(`cannot write ${name(what, given)}: too many levels of symbolic links`);
}

/** Read-only files stay read-only even for root, who could otherwise write anything. */
function mayWrite(path: string, stats: Stats, given: string, what: string): void {
  let writable = (stats.mode & 0o222) !== 0;
  try {
    accessSync(path, constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable) throw new UsageError(`cannot write ${name(what, given)}: the file is read-only (or you may not write it)`);
}

// A missing file is the usual case (each row's new PDF): answered without an exception, whose stack trace and
// message cost more than the lstat itself.
function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function name(what: string, given: string): string {
  return what ? `${what} ${given}` : given;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  return (error as Error).message;
}
