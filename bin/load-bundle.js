// Loads dist/bundle/placard.cjs (scripts/bundle.js) through vm.Script with V8's code cache: a command run before
// skips parsing and compiling the functions it ran then (~100 ms of a cold render). Node 20 caches no ES module's
// code, hence one CommonJS file. The cache is optional: one file per command in the user's cache folder, named
// after the bundle's hash, Node's version and the machine; written after a run that succeeded, when there was
// none or V8 refused it (another V8 or its flags); never read or written with PLACARD_NO_CACHE set. Any failure
// to read or write it only means compiling as without it.
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const FILE = fileURLToPath(new URL('../dist/bundle/placard.cjs', import.meta.url));
const DAY = 24 * 60 * 60 * 1000;

/** The user's own cache folder for placard, or undefined when caching is off or there is no home. */
function cacheFolder(env) {
  if (env.PLACARD_NO_CACHE) return undefined;
  if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'placard', 'Cache') : undefined;
  const home = homedir();
  if (process.platform === 'darwin') return home ? join(home, 'Library', 'Caches', 'placard') : undefined;
  if (env.XDG_CACHE_HOME?.startsWith('/')) return join(env.XDG_CACHE_HOME, 'placard');
  return home ? join(home, '.cache', 'placard') : undefined;
}

/** Node's own options, which V8 checks a cache against: a run with other flags keeps a cache of its own. */
function flagsOf(env) {
  const flags = [...process.execArgv, env.NODE_OPTIONS ?? ''].join('\n');
  if (flags === '') return '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < flags.length; i++) hash = Math.imul(hash ^ flags.charCodeAt(i), 0x01000193) >>> 0;
  return `${hash.toString(16).padStart(8, '0')}-`;
}

/** The command a cache belongs to: each runs different code. */
function commandOf(args) {
  const first = args.find((arg) => !arg.startsWith('-'));
  return first !== undefined && /^[a-z]{1,20}$/.test(first) ? first : 'other';
}

/** A code cache is a few MB: a larger file is none of ours. */
const MAX_CODE_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * A plain file's bytes, or undefined when it is missing, no plain file, larger than `maxBytes`, or unreadable.
 * Whatever else is put there is not opened (a device, a FIFO that would have a read wait for ever), or, put there
 * between the check and the open, opened without waiting and without becoming the process's terminal.
 */
function readPlainFile(file, maxBytes) {
  let fd;
  try {
    const found = statSync(file);
    if (!found.isFile() || found.size > maxBytes) return undefined;
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    const stats = fstatSync(fd);
    const size = stats.size;
    if (!stats.isFile() || size > maxBytes) return undefined;
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const got = readSync(fd, bytes, read, size - read, read);
      if (got === 0) return undefined; // it shrank while read: another run is replacing it
      read += got;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const readCache = (file) => (file ? readPlainFile(file, MAX_CODE_CACHE_BYTES) : undefined);

/** Writes a file whole or not at all: a temporary file (named by process and thread: workers share the pid), renamed. */
function writeWhole(folder, file, bytes) {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // worker_threads only here: loading it costs a run that writes no cache ~1 ms.
  const { threadId } = createRequire(import.meta.url)('node:worker_threads');
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    writeFileSync(temporary, bytes, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Small files a run keeps for the next one (src/cli/io.ts KeptFiles: render's fit hints), beside the code cache,
 * named after this build: `kept-<build>-<name>`.
 */
function keptFiles(folder, id) {
  const path = (name) => join(folder, `kept-${id}-${name}`);
  return {
    read: (name, maxBytes) => readPlainFile(path(name), maxBytes)?.toString('utf8'),
    write: (name, text) => {
      try {
        writeWhole(folder, path(name), text);
      } catch {
        // Not kept: the next run starts without it.
      }
    },
  };
}

/** Writes the code V8 has compiled so far, whole or not at all (a temporary file, renamed), and drops other builds' old files. */
function writeCache(script, folder, prefix, file, id) {
  try {
    writeWhole(folder, file, script.createCachedData());
    // Another build's caches and kept files go once a day old: two placards in use side by side keep theirs.
    for (const name of readdirSync(folder)) {
      const other = join(folder, name);
      const another =
        (name.startsWith('code-') && !name.startsWith(prefix)) || (name.startsWith('kept-') && !name.startsWith(`kept-${id}-`));
      if (another && statSync(other).mtimeMs < Date.now() - DAY) rmSync(other, { force: true });
    }
  } catch {
    // A cache folder that cannot be written is no error: the next run compiles again.
  }
}

/**
 * placard's command line: { main, exitOnSignals, writeFailure, saveCodeCache, kept }. Call saveCodeCache() after a
 * run that succeeded: it writes the cache when this run had none to use. `kept` is main's io.kept (undefined with
 * no cache folder).
 */
export async function loadBundle(args, env) {
  // harfbuzz (an ES module whose top-level await instantiates its WebAssembly) loads while the bundle compiles.
  const harfbuzz = import('harfbuzzjs');
  // scripts/bundle.js writes it in ASCII, under a first line that names it: Latin-1 reads it as it is, fast.
  const bytes = readFileSync(FILE);
  const id = /^\/\/ placard bundle ([0-9a-f]{16})\n/.exec(bytes.toString('latin1', 0, 40))?.[1];
  const source = bytes.toString(id ? 'latin1' : 'utf8');
  const folder = id ? cacheFolder(env) : undefined;
  const prefix = `code-${id}-${process.version}-${process.arch}-`;
  const file = folder && join(folder, `${prefix}${flagsOf(env)}${commandOf(args)}.bin`);
  const cachedData = readCache(file);
  // The same wrapper as Node's own for a CommonJS file: line numbers in stack traces stay the bundle's.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: FILE,
    cachedData,
  });
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  const hb = await harfbuzz;
  const nodeRequire = createRequire(FILE);
  const require = Object.assign((name) => (name === 'harfbuzzjs' ? hb : nodeRequire(name)), nodeRequire);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, FILE, dirname(FILE));
  return {
    ...module.exports,
    saveCodeCache: () => {
      if (fresh && file && !args.includes('--help') && !args.includes('-h')) writeCache(script, folder, prefix, file, id);
    },
    kept: folder ? keptFiles(folder, id) : undefined,
  };
}
