// Bundles the command line into dist/bundle/placard.cjs with esbuild, after tsc has written dist/ (npm run build).
// A cold `placard render` then reads one file instead of some 350 modules, each resolved, read and compiled on its
// own, and each command's modules are evaluated only when it runs. bin/placard.js runs the bundle; the tests run
// src/ and dist/.
//
//   node scripts/bundle.js
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

/**
 * Code that finds files from its own place (paths.ts, the worker files, serve's web folder) does so as if it were
 * still tsc's dist/<dir>/<name>.js: import.meta.url becomes that file's URL, worked out from the chunk's own URL
 * (every chunk sits directly in dist/bundle/). So templates, locales and the workers are found exactly as from dist/.
 */
const ownPlace = {
  name: 'own-place',
  setup(context) {
    context.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const compiled = relative(`${root}src`, args.path).replaceAll('\\', '/').replace(/\.ts$/, '.js');
      const url = `new URL(${JSON.stringify(`../${compiled}`)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
    // PDFKit finds its standard fonts and ICC profile beside its own file (placard uses neither): that file is
    // found where Node finds PDFKit, js/pdfkit.js for require, in the same folder as the ES module bundled here,
    // when first needed (finding it at start cost a cold render ~4 ms).
    context.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => {
      const url = "new URL('pdfkit.node.mjs', require('node:url').pathToFileURL(findPackage('pdfkit'))).href";
      const eager = {
        "const ICC_PROFILE_PATH = new URL('./data/sRGB_IEC61966_2_1.icc', import.meta.url).href;":
          "const ICC_PROFILE_PATH = () => new URL('./data/sRGB_IEC61966_2_1.icc', import.meta.url).href;",
        'fs.readFileSync(ICC_PROFILE_PATH)': 'fs.readFileSync(ICC_PROFILE_PATH())',
        'const require$1 = createRequire(import.meta.url);':
          'let require$1$real;\nconst require$1 = (id) => (require$1$real ??= createRequire(import.meta.url))(id);',
      };
      let source = readFileSync(args.path, 'utf8');
      for (const [from, to] of Object.entries(eager)) {
        if (source.split(from).length !== 2) throw new Error(`own-place: expected one ${from} in ${args.path}`);
        source = source.replace(from, () => to);
      }
      if (source.split('ICC_PROFILE_PATH').length !== 3) throw new Error(`own-place: ICC_PROFILE_PATH used elsewhere in ${args.path}`);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'js' };
    });
    // Handlebars builds a compiled template's code through source-map's SourceNode when it can load it, only to
    // join it into the same text; without it, it joins the text itself (as in a browser). placard asks for no
    // source map, so the bundle gives Handlebars no source-map: the compiled code is the same, made faster.
    context.onResolve({ filter: /^source-map$/ }, (args) =>
      /[\\/]node_modules[\\/]handlebars[\\/]/.test(args.importer) ? { path: 'source-map', namespace: 'no-source-map' } : undefined,
    );
    context.onLoad({ filter: /.*/, namespace: 'no-source-map' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/**
 * yaml (72 modules) evaluated when first called, not when placard's modules that import it are: a render of the
 * built-in templates parses no YAML (the bundle carries their YAML parsed, see builtInYaml), yet its modules were
 * evaluated and their code kept in the code cache. src/ sees the same package through a module that loads it on
 * first use: its functions forward, its default export (YAML.parse and the rest) is a proxy, and its two classes
 * give the package's own instances. A name src/ imports that is not here fails the build.
 */
const lazyYaml = {
  name: 'lazy-yaml',
  setup(context) {
    context.onResolve({ filter: /^yaml$/ }, (args) =>
      /[\\/]src[\\/]/.test(args.importer) ? { path: 'yaml', namespace: 'lazy-yaml' } : undefined,
    );
    context.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, () => ({
      contents: [
        'let real;',
        "const yaml = () => (real ??= require('yaml'));",
        'export default new Proxy({}, { get: (_, key) => yaml()[key] });',
        ...['isAlias', 'isMap', 'isNode', 'isScalar', 'isSeq'].map((name) => `export const ${name} = (node) => yaml().${name}(node);`),
        'export const parseDocument = (...args) => yaml().parseDocument(...args);',
        ...['LineCounter', 'Lexer'].map(
          (name) => `export class ${name} { constructor(...args) { return new (yaml().${name})(...args); } }`,
        ),
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/**
 * Modules a render never calls, loaded on first call instead of at start: fontkit's Brotli decoder (for WOFF2,
 * which placard refuses before fontkit sees it; its dictionary is 1.3 MB of source, decoded at import) is
 * required from node_modules, where fontkit finds it; PDFKit's AES (for encrypted PDFs; it builds its tables
 * at import) is bundled, its body run on first call.
 */
const onFirstCall = {
  name: 'on-first-call',
  setup(context) {
    const lazy = {
      'brotli/decompress.js': [
        /[\\/]node_modules[\\/]fontkit[\\/]/,
        "let real;\nmodule.exports = (...args) => (real ??= require('node:module').createRequire(findPackage('fontkit'))('brotli/decompress.js'))(...args);",
      ],
      '@noble/ciphers/aes': [
        /[\\/]node_modules[\\/]pdfkit[\\/]/,
        "let real;\nconst aes = () => (real ??= require('@noble/ciphers/aes'));\nexport const cbc = (...args) => aes().cbc(...args);\nexport const ecb = (...args) => aes().ecb(...args);",
      ],
    };
    context.onResolve({ filter: /^(brotli\/decompress\.js|@noble\/ciphers\/aes)$/ }, (args) =>
      lazy[args.path][0].test(args.importer) ? { path: args.path, namespace: 'on-first-call', pluginData: args.resolveDir } : undefined,
    );
    context.onLoad({ filter: /.*/, namespace: 'on-first-call' }, (args) => ({
      contents: lazy[args.path][1],
      loader: 'js',
      resolveDir: args.pluginData,
    }));
  },
};

/**
 * Node's own modules loaded when first called rather than at start: commander's child_process (for executable
 * subcommands, which placard has none of; it loads net and dgram with it, ~3 ms of a cold start).
 */
const nodeOnFirstCall = {
  name: 'node-on-first-call',
  setup(context) {
    context.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`node-on-first-call: no child_process require in ${args.path}`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * unicode-trie inflates each trie with tiny-inflate, in JavaScript, which a cold render runs in the interpreter:
 * linebreak's trie, built at import, took ~4 ms. Node's zlib inflates the same raw DEFLATE data to the same
 * bytes, natively. (Only unicode-trie's: the data it inflates ships inside its packages.)
 */
const nativeInflate = {
  name: 'native-inflate',
  setup(context) {
    context.onResolve({ filter: /^tiny-inflate$/ }, (args) =>
      /[\\/]node_modules[\\/]unicode-trie[\\/]/.test(args.importer) ? { path: 'tiny-inflate', namespace: 'native-inflate' } : undefined,
    );
    context.onLoad({ filter: /.*/, namespace: 'native-inflate' }, () => ({
      contents: [
        "const { inflateRawSync } = require('node:zlib');",
        '// tiny-inflate(source, dest): fills dest and returns it, or the part of it written when the data is shorter.',
        'module.exports = (source, dest) => {',
        '  const out = inflateRawSync(source);',
        '  const length = Math.min(out.length, dest.length);',
        '  dest.set(out.subarray(0, length));',
        '  if (length === dest.length) return dest;',
        "  return typeof dest.slice === 'function' ? dest.slice(0, length) : dest.subarray(0, length);",
        '};',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * fontkit's shapers (placard shapes with HarfBuzz) and unicode-properties each inflate a Unicode trie from base64
 * at import, some 40 ms of a cold render: each trie is built on its first lookup instead. linebreak's trie, which
 * every render uses, is left as it is.
 */
const lazyTries = {
  name: 'lazy-tries',
  setup(context) {
    context.onLoad({ filter: /[\\/]node_modules[\\/](fontkit|unicode-properties)[\\/]dist[\\/]module\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const trie = /^const (\$\w+\$var\$trie) = (new .*);$/gm;
      if (!trie.test(source)) throw new Error(`lazy-tries: no trie found in ${args.path}`);
      const contents = source.replace(
        trie,
        (_, name, make) => `let ${name}$built;\nconst ${name} = { get: (codePoint) => (${name}$built ??= ${make}).get(codePoint) };`,
      );
      return { contents, loader: 'js' };
    });
  },
};

/**
 * bidi-js builds a Map of each of the 17,639 code points its bidi-class data lists on its first lookup, in each
 * instance (src/text/bidi.ts and src/draw/reader-text.ts make one each): 0.9 MB of heap each, for good, and a cold
 * render's CPU in the interpreter (without it, measured 2026-12-03 pinned: ar,zh-Hans -8 ms, en,es -4 ms). The
 * same data is kept as sorted ranges, searched per lookup: the same class for every code point (checked for all
 * of them as the bundle is built, see sameBidiClasses). Overlapping ranges (none in bidi-js 1.1.0) keep the Map.
 */
const BIDI_MAP_LOOP = `              for (var j = start; j < end + 1; j += 1) {
                map.set(j, TYPES[type]);
              }`;
const BIDI_LOOKUP = `  function getBidiCharType (char) {
    parseData();
    return map.get(char.codePointAt(0)) || TYPES.L
  }`;
const BIDI_RANGES = [
  [
    '  var map = null;\n\n  function parseData () {\n    if (!map) {',
    '  var map = null;\n  var ranges = null;\n\n  function parseData () {\n    if (!map && !ranges) {',
  ],
  ['      map = new Map();\n      var start = 0;', '      var found = [];\n      var start = 0;'],
  [BIDI_MAP_LOOP, '              if (end >= start) found.push([start, end, TYPES[type]]);'],
  [
    '      //console.log(`char types parsed in ${performance.now() - start}ms`)',
    `      var sorted = found.slice().sort(function (a, b) { return a[0] - b[0]; });
      var overlaps = sorted.some(function (range, k) { return k > 0 && range[0] <= sorted[k - 1][1]; });
      if (overlaps) {
        map = new Map();
        found.forEach(function (range) { for (var j = range[0]; j < range[1] + 1; j += 1) map.set(j, range[2]); });
      } else {
        ranges = {
          starts: Uint32Array.from(sorted, function (range) { return range[0]; }),
          ends: Uint32Array.from(sorted, function (range) { return range[1]; }),
          types: Uint32Array.from(sorted, function (range) { return range[2]; }),
        };
      }`,
  ],
  [
    BIDI_LOOKUP,
    `  function getBidiCharType (char) {
    parseData();
    var code = char.codePointAt(0);
    if (map) return map.get(code) || TYPES.L;
    if (code === undefined) return TYPES.L;
    var low = 0;
    var high = ranges.starts.length - 1;
    while (low <= high) {
      var middle = (low + high) >>> 1;
      if (code < ranges.starts[middle]) high = middle - 1;
      else if (code > ranges.ends[middle]) low = middle + 1;
      else return ranges.types[middle];
    }
    return TYPES.L;
  }`,
  ],
];

/**
 * bidi-js's file (esbuild takes its UMD build, dist/bidi.js, whose factory sits one level deeper than in bidi.mjs)
 * with its classes as ranges (BIDI_RANGES), each edit made exactly once.
 */
function bidiRangesSource(file) {
  let source = readFileSync(file, 'utf8');
  const deeper = (text) => text.replace(/^(?=.)/gm, '  ');
  for (const [from, to] of BIDI_RANGES) {
    const [find, put] = source.includes(from) ? [from, to] : [deeper(from), deeper(to)];
    if (source.split(find).length !== 2) throw new Error(`bidi-ranges: expected one ${JSON.stringify(from.slice(0, 60))} in ${file}`);
    source = source.replace(find, () => put);
  }
  return source;
}

const bidiRanges = {
  name: 'bidi-ranges',
  setup(context) {
    context.onLoad({ filter: /[\\/]node_modules[\\/]bidi-js[\\/]dist[\\/]bidi\.m?js$/ }, (args) => ({
      contents: bidiRangesSource(args.path),
      loader: 'js',
    }));
  },
};

/** Throws unless the edited bidi-js (its CommonJS build, as bundled) gives every code point the class bidi-js gives it. */
function sameBidiClasses() {
  const require = createRequire(`${root}package.json`);
  const file = require.resolve('bidi-js');
  const edited = { exports: {} };
  new Function('module', 'exports', bidiRangesSource(file))(edited, edited.exports);
  const [a, b] = [require('bidi-js')(), edited.exports()];
  for (let code = 0; code <= 0x10ffff; code++) {
    const char = String.fromCodePoint(code);
    if (a.getBidiCharType(char) !== b.getBidiCharType(char)) throw new Error(`bidi-ranges: U+${code.toString(16)} differs`);
  }
  if (a.getBidiCharType('') !== b.getBidiCharType('')) throw new Error('bidi-ranges: the empty string differs');
}

/**
 * A plugin that gives one module of src/ (`file`, a pattern of its path) the text `contents()` makes as the bundle
 * is built: a table a cold render takes ready-made. Each table is made by the very function a render uses (from
 * tsc's dist/, where the table module is empty), so it holds what the render would have worked out.
 */
function builtInTable(name, file, contents) {
  return {
    name,
    setup(context) {
      context.onLoad({ filter: file }, async () => ({ contents: await contents(), loader: 'ts' }));
    },
  };
}

/** The module text of a ReadonlyMap named `name` holding `entries` (JSON). */
const mapModule = (name, type, entries) => `export const ${name}: ReadonlyMap<string, ${type}> = new Map(${JSON.stringify(entries)});\n`;

/** A value's JSON, when parsing it gives back the same value; undefined otherwise (then the render parses the file). */
function sameJson(value) {
  const json = JSON.stringify(value);
  return json !== undefined && isDeepStrictEqual(JSON.parse(json), value) ? json : undefined;
}

/** Each built-in folder's `name` file under `folder` (templates/, locales/), in name order: { file, text }. */
function builtInFiles(folder, name) {
  return readdirSync(`${root}${folder}`, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((entry) => ({ entry, file: join(`${root}${folder}`, entry.name, name) }))
    .filter(({ entry, file }) => entry.isDirectory() && existsSync(file))
    .map(({ file }) => ({ file, text: readFileSync(file, 'utf8') }));
}

/**
 * The built-in templates' and packets' YAML, parsed now (src/templates/built-in-yaml.ts): a cold render reads
 * their JSON instead of running the YAML parser (~10 ms of CPU); kept only where JSON gives back the same value.
 */
const builtInYaml = builtInTable('built-in-yaml', /[\\/]src[\\/]templates[\\/]built-in-yaml\.ts$/, async () => {
  const { parseTemplateYaml } = await import(`${root}dist/templates/template-yaml.js`);
  const entries = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.yaml')) {
        const text = readFileSync(path, 'utf8');
        let value;
        try {
          value = parseTemplateYaml(text);
        } catch {
          continue;
        }
        const json = sameJson(value);
        if (json !== undefined) entries.push([text, json]);
      }
    }
  };
  visit(`${root}templates`);
  return mapModule('BUILT_IN_YAML', 'string', entries);
});

/**
 * The built-in templates, compiled now (src/fill/built-in-fills.ts): a cold render runs their compiled code
 * (in the code cache with the rest) instead of parsing and compiling the template with Handlebars (~10 ms of
 * CPU), compiled with the options a render compiles with; and whether a template's paths read inside values,
 * for which markup-shapes.ts had a cold render parse the template all the same (~3 ms).
 */
const builtInFills = builtInTable('built-in-fills', /[\\/]src[\\/]fill[\\/]built-in-fills\.ts$/, async () => {
  const { precompiledFill } = await import(`${root}dist/fill/fill-template.js`);
  const entries = builtInFiles('templates', 'template.hbs').map(
    ({ file, text }) => `[${JSON.stringify(text)}, ${precompiledFill(text, file)}]`,
  );
  const type = '{ readonly spec: object; readonly standIns: boolean }';
  return `export const BUILT_IN_FILLS: ReadonlyMap<string, ${type}> = new Map<string, ${type}>([\n${entries.join(',\n')}\n]);\n`;
});

/**
 * The default rights links' QR codes, encoded now (src/layout/built-in-qr.ts): a cold render takes the code's
 * modules instead of encoding them (~5 ms of CPU).
 */
const builtInQr = builtInTable('built-in-qr', /[\\/]src[\\/]layout[\\/]built-in-qr\.ts$/, async () => {
  const { encodeQr } = await import(`${root}dist/layout/qr-code.js`);
  const { RIGHTS_LINKS } = await import(`${root}dist/contract/rights-links.js`);
  const entries = [...new Set(Object.values(RIGHTS_LINKS))].sort().map((link) => [link, encodeQr(link)]);
  return mapModule('BUILT_IN_QR', '{ readonly size: number; readonly runs: readonly (readonly [number, number, number])[] }', entries);
});

/**
 * The built-in locales' meta.yaml, parsed now (src/strings/built-in-meta.ts): a cold render reads all of them,
 * and takes their JSON instead of checking each against the schema (~4 ms of CPU); kept only where JSON gives
 * back the same value.
 */
const builtInMeta = builtInTable('built-in-meta', /[\\/]src[\\/]strings[\\/]built-in-meta\.ts$/, async () => {
  const { parseMeta } = await import(`${root}dist/strings/locale-meta.js`);
  const entries = [];
  for (const { file, text } of builtInFiles('locales', 'meta.yaml')) {
    const parsed = parseMeta(text, file);
    const json = parsed.ok ? sameJson(parsed.value) : undefined;
    if (json !== undefined) entries.push([text, json]);
  }
  return mapModule('BUILT_IN_META', 'string', entries);
});

/** What both builds share: Node 20, ES modules, the plugins and the require of bundled CommonJS. */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  sourcemap: true,
  logLevel: 'warning',
  // harfbuzz finds its wasm file beside its own: it loads from node_modules (two files).
  external: ['harfbuzzjs'],
  // jsonc-parser's main file is UMD, whose require of its own files a bundler cannot follow; its ES module build can.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // Bundled CommonJS packages require Node's modules (and cldr-core's JSON) through a real require.
  // findPackage finds a package's own folder in node_modules when run (a plain require.resolve would bundle it).
  banner: {
    js: "import { createRequire as __placardRequire } from 'node:module';\nconst require = __placardRequire(import.meta.url);\nconst findPackage = require.resolve;",
  },
  plugins: [
    ownPlace,
    onFirstCall,
    lazyYaml,
    nodeOnFirstCall,
    nativeInflate,
    lazyTries,
    bidiRanges,
    builtInYaml,
    builtInFills,
    builtInQr,
    builtInMeta,
  ],
};

// bin/placard.js runs one CommonJS file, compiled through vm.Script so that V8's code cache applies (Node 20 caches
// no ES module's code): a cached render skips parsing and compiling what it ran before (bin/load-bundle.js).
// Each command's modules are still evaluated only when it runs (esbuild wraps a dynamically imported module in
// a lazy initialiser). harfbuzz, an ES module with a top-level await, is imported by bin and handed to the
// bundle's require. import.meta.url is the bundle's own URL: it sits in dist/bundle/ as the chunks did.
// The first line names the bundle by a hash of its text, the cache's key: V8 itself checks only the length.
const ID = '0000000000000000';
sameBidiClasses();
rmSync(outdir, { recursive: true, force: true });
const bundled = await build({
  ...common,
  format: 'cjs',
  stdin: {
    contents: [
      "export { main } from './src/cli/main.ts';",
      "export { exitOnSignals } from './src/cli/signals.ts';",
      "export { writeFailure } from './src/cli/output-streams.ts';",
      // A batch worker's loop, evaluated when a worker runs it: with it, every command had batch's modules evaluated at start.
      "export const runRenderWorker = (...args: any[]) => import('./src/batch/worker-loop.ts').then((loop: any) => loop.runRenderWorker(...args));",
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'placard-entry.ts',
    loader: 'ts',
  },
  outfile: `${outdir}/placard.cjs`,
  define: { 'import.meta.url': '__placardUrl' },
  minifyWhitespace: true,
  banner: {
    js: [
      `// placard bundle ${ID}`,
      "const __placardUrl = require('node:url').pathToFileURL(__filename).href;",
      'const findPackage = require.resolve;',
    ].join('\n'),
  },
  write: false,
});
for (const { path, text } of bundled.outputFiles) {
  mkdirSync(dirname(path), { recursive: true });
  if (!path.endsWith('.cjs')) {
    writeFileSync(path, text);
    continue;
  }
  const ascii = asAscii(text);
  writeFileSync(path, ascii.replace(ID, createHash('sha256').update(ascii).digest('hex').slice(0, ID.length)));
}

/**
 * The bundle in ASCII, so bin reads it as Latin-1, several times faster than decoding UTF-8. esbuild escapes
 * strings but leaves characters in regular expressions as they are: each becomes its \uXXXX escape, which means
 * the same code unit inside a character class or out, with the u flag or without.
 */
function asAscii(text) {
  return text.replace(/[^\0-\x7f]/g, (char, offset) => {
    if (/\\(\\\\)*$/.test(text.slice(Math.max(0, offset - 16), offset))) throw new Error(`bundle: escaped ${char} at ${offset}`);
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

// Batch's render worker, in place of tsc's dist/batch/render-worker.js (where workerFile() finds it, beside
// dist/batch/worker-file.js): it runs the worker's loop from the same bundle as bin, through bin/load-bundle.js, so
// a worker thread reads one file instead of some 300 modules and, from its second batch on, skips compiling what
// the first one's workers ran (V8's code cache, kept once a worker has rendered a few rows; its own file, "worker").
// (serve's workers stay as tsc wrote them: PDFium finds its wasm beside itself.)
if (existsSync(`${root}src/batch/render-worker.ts`)) {
  writeFileSync(
    `${root}dist/batch/render-worker.js`,
    [
      '// Written by scripts/bundle.js: a batch worker thread, run from the bundle (src/batch/worker-loop.ts).',
      "import { parentPort, workerData } from 'node:worker_threads';",
      "import { loadBundle } from '../../bin/load-bundle.js';",
      '',
      "const { runRenderWorker, saveCodeCache } = await loadBundle(['worker'], process.env);",
      'await runRenderWorker(parentPort, workerData, saveCodeCache);',
      '',
    ].join('\n'),
  );
}
