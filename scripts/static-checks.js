// The checks `npm test` runs before vitest, side by side instead of one after the other: the type check, ESLint,
// Prettier and the import boundary rule (the same commands as `npm run typecheck` and `npm run lint`). Each one's
// output is printed, whole, when it ends; the exit status is 1 when any of them failed.
//
//   node scripts/static-checks.js          (part of `npm test`)
import { spawn } from 'node:child_process';

// Each check keeps what it learnt in node_modules/.cache, keyed by the files' contents (and its own config and
// version), so a second run checks again only what changed: the first run in a fresh clone does the whole work.
const CACHE = 'node_modules/.cache/static-checks';

const CHECKS = [
  [
    'type check',
    'node_modules/typescript/bin/tsc',
    '-p',
    'tsconfig.check.json',
    '--incremental',
    '--tsBuildInfoFile',
    `${CACHE}/check.tsbuildinfo`,
  ],
  ['ESLint', 'node_modules/eslint/bin/eslint.js', '--cache', '--cache-strategy', 'content', '--cache-location', `${CACHE}/eslint`, '.'],
  [
    'Prettier',
    'node_modules/prettier/bin/prettier.cjs',
    '--check',
    '--cache',
    '--cache-strategy',
    'content',
    '--cache-location',
    `${CACHE}/prettier`,
    '.',
  ],
  [
    'import boundaries',
    'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
    'src',
    '--config',
    '.dependency-cruiser.mjs',
    '--output-type',
    'err',
  ],
];

/** Runs one check with its output caught, and resolves with whether it passed. */
function run([name, script, ...args]) {
  const started = Date.now();
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code, signal) => {
      const ok = code === 0;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${ok ? 'ok' : 'FAILED'}: ${name} (${seconds} s)\n${output}${ok ? '' : `exit ${code ?? signal}\n`}`);
      resolve(ok);
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
process.exitCode = results.every(Boolean) ? 0 : 1;
