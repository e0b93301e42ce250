import { createHash } from 'node:crypto';
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { isTemporaryName } from '../write/safe-output.js';
import { errorsFileName } from './errors-csv.js';
import { journalFileName, manifestFileName } from './manifest.js';
import type { Shard } from './shard.js';

/** A lock whose file has not been touched for this long belongs to a run that is gone (another machine's, say). */
const STALE_MS = 120_000;
const HEARTBEAT_MS = 30_000;

/** Names of the files a batch keeps beside its PDFs, for any shard: nothing else may be written over them. */
const BOOKKEEPING = /^(manifest(\.shard-\d+-of-\d+)?\.jsonl?|errors(\.shard-\d+-of-\d+)?\.csv|\.manifest.*\.lock)$/;

/** The bookkeeping of one run in its output folder: which files are its own, and the lock that keeps them so. */
export interface RunFiles {
  readonly dir: string;
  readonly manifest: string;
  readonly journal: string;
  readonly errors: string;
  readonly lock: string;
  /** Marks this run's temporary files: the same for every run that writes this manifest, and only for them. */
  readonly tempTag: string;
}

export function runFiles(dir: string, shard?: Shard): RunFiles {
  const manifest = manifestFileName(shard);
  return {
    dir,
    manifest: join(dir, manifest),
    journal: join(dir, journalFileName(shard)),
    errors: join(dir, errorsFileName(shard)),
    lock: join(dir, `.${manifest}.lock`),
    tempTag: createHash('sha256').update(manifest).digest('hex').slice(0, 8),
  };
}

/** The output folder: created if its parent exists (`onCreate` is told), else it must be a folder. */
export function openOutDir(dir: string, onCreate: () => void): void {
  let stats;
  try {
    stats = statSync(dir);
  } catch {
    try {
      mkdirSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Shards started together race to create their shared folder: one made it.
      if (code === 'EEXIST' && statSync(dir).isDirectory()) return;
      throw new UsageError(
        `cannot create the output folder ${dir}: ${code === 'ENOENT' ? 'its parent folder does not exist' : (error as Error).message}`,
      );
    }
    onCreate();
    return;
  }
  if (!stats.isDirectory()) throw new UsageError(`--out-dir ${dir} is a file; give a folder`);
}

/**
 * Refuses, before anything is written, a run whose input or combined file is one of the files a batch keeps in
 * its output folder (any shard's manifest, journal, errors.csv or lock): writing one would destroy the other.
 */
export function checkAliases(files: RunFiles, dataFile: string, combined: string | undefined): void {
  if (isBookkeeping(dataFile, files.dir)) {
    throw new UsageError(
      `--data ${dataFile} is a file placard batch writes in --out-dir ${files.dir}; move the data elsewhere or choose another --out-dir`,
    );
  }
  if (combined !== undefined && isBookkeeping(combined, files.dir)) {
    throw new UsageError(`--combined ${combined} is a file placard batch keeps in --out-dir ${files.dir}; choose another name`);
  }
}

function isBookkeeping(file: string, dir: string): boolean {
  // Through links too: a data file that is a link to errors.csv would be read after errors.csv is replaced.
  let real = file;
  try {
    real = realpathSync(file);
  } catch {
    // Not there yet: its own name is all there is to check.
  }
  return isBookkeepingName(file, dir) || isBookkeepingName(real, dir);
}

function isBookkeepingName(file: string, dir: string): boolean {
  if (!BOOKKEEPING.test(basename(file))) return false;
  if (resolve(dirname(file)) === resolve(dir)) return true;
  try {
    const [parent, folder] = [statSync(dirname(resolve(file))), statSync(dir)];
    return parent.dev === folder.dev && parent.ino === folder.ino;
  } catch {
    return false;
  }
}

/**
 * Takes the run's lock (`.manifest.json.lock`, one per manifest name): a second run that would write the same
 * manifest, journal and errors file into this folder while the first is going is refused (exit 2) and told
 * which run holds it. A lock left by a run that is gone is taken over: one on this machine whose process no
 * longer exists, or one not touched for two minutes (a running batch touches its lock every 30 seconds, so
 * this works across machines sharing a volume). Returns the release function.
 */
export function takeLock(files: RunFiles, template: string, onNote: (message: string) => void): () => void {
  const content = JSON.stringify({ pid: process.pid, host: hostname(), template, started: new Date().toISOString() });
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(files.lock, 'wx', 0o644);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' || attempt > 0) throw new UsageError(`cannot write ${files.lock}: ${(error as Error).message}`);
      const holder = readLock(files.lock);
      if (!holder.stale) {
        throw new UsageError(
          `another placard batch (${holder.who}) is writing ${files.manifest}; wait for it to finish or give another --out-dir. ` +
            `If no such run is going, remove ${files.lock}`,
        );
      }
      onNote(`${files.lock} was left by a run that is gone (${holder.who}); taking it over`);
      rmSync(files.lock, { force: true });
      continue;
    }
    writeSync(fd, content);
    closeSync(fd);
    break;
  }
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(files.lock, now, now);
    } catch {
      // The folder went away or was made read-only: the run's own writes will say so.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    rmSync(files.lock, { force: true });
  };
}

function readLock(file: string): { who: string; stale: boolean } {
  let text = '';
  let age = 0;
  try {
    // A link or FIFO planted at the lock's name is no lock (and reading a FIFO would wait for ever).
    const stats = lstatSync(file);
    if (!stats.isFile()) return { who: 'not a lock file', stale: true };
    age = Date.now() - stats.mtimeMs;
    text = readFileSync(file, 'utf8').slice(0, 1000);
  } catch {
    return { who: 'unknown', stale: true };
  }
  let holder: { pid?: unknown; host?: unknown; template?: unknown } = {};
  try {
    holder = JSON.parse(text) as typeof holder;
  } catch {
    // A torn lock: only its age can tell.
  }
  const pid = typeof holder.pid === 'number' ? holder.pid : undefined;
  const host = typeof holder.host === 'string' ? holder.host : undefined;
  const who = `${typeof holder.template === 'string' ? holder.template.slice(0, 80) : 'a template'}, pid ${pid ?? '?'} on ${host?.slice(0, 80) ?? '?'}`;
  if (age > STALE_MS) return { who, stale: true };
  if (host === hostname() && pid !== undefined && (pid === process.pid || !alive(pid))) return { who, stale: true };
  return { who, stale: false };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files an earlier run of this same manifest left (a run killed mid-write): only those marked
 * with this run's tag, so a shard or another run writing into the folder keeps its own. One that cannot be
 * removed is a usage error naming it (exit 2).
 */
export function sweepOwnTemporaries(files: RunFiles): void {
  for (const name of readdirSync(files.dir)) {
    if (!isTemporaryName(name, files.tempTag)) continue;
    try {
      rmSync(join(files.dir, name), { force: true });
    } catch (error) {
      throw new UsageError(`cannot remove ${join(files.dir, name)}, a temporary file an earlier run left: ${(error as Error).message}`);
    }
  }
}

/**
 * The template an existing manifest in the folder records, read from its head (the header comes first), or
 * undefined when there is none. A run of another template would replace that manifest and errors file.
 */
export function manifestTemplate(file: string): string | undefined {
  let head: string;
  try {
    if (!lstatSync(file).isFile()) return undefined; // a link or FIFO is never read: it is replaced
    const fd = openSync(file, 'r');
    const buffer = Buffer.alloc(4096);
    try {
      head = buffer.subarray(0, readSync(fd, buffer)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const match = /"template":\s*"((?:[^"\\]|\\.)*)"/.exec(head);
  if (!match) return undefined;
  try {
    return JSON.parse(`"${match[1]!}"`) as string;
  } catch {
    return undefined;
  }
}
