// The import boundary rule (npm run lint). The directions are written once, in docs/architecture.md: this
// file reads its two tables (which folder may import which, and the named exceptions) and hands them to
// dependency-cruiser as `allowed` rules, plus no circles anywhere in src/.
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';

const page = readFileSync(new URL('docs/architecture.md', import.meta.url), 'utf8');

/** The table rows between `<!-- name: begin -->` and `<!-- name: end -->`, as arrays of cells. */
function tableRows(name) {
  const match = new RegExp(`<!-- ${name}: begin -->([\\s\\S]*?)<!-- ${name}: end -->`).exec(page);
  if (!match) throw new Error(`docs/architecture.md has no ${name} table`);
  return match[1]
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

/** `read/` or `pipeline.ts` → a path pattern under src/. */
const codeNames = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pathOf = (name) => (name.endsWith('/') ? `^src/${escape(name)}` : `^src/${escape(name)}$`);

const rows = tableRows('allowed-imports').map(([from, to]) => ({
  from: codeNames(from),
  to: to.includes('everything') ? ['*'] : codeNames(to),
}));
const contract = ['contract/'];
const helpers = rows.find((row) => row.from.includes('errors.ts')).from;

const allowed = [
  // Packages and Node's own modules.
  { from: {}, to: { pathNot: '^src/' } },
  ...rows.map(({ from, to }) => {
    const own = from.includes('contract/')
      ? contract
      : from.includes('errors.ts')
        ? [...contract, ...helpers]
        : [...contract, ...helpers, ...from];
    const targets = to.includes('*') ? ['^src/'] : [...own, ...to].map(pathOf);
    return { from: { path: from.map(pathOf) }, to: { path: targets } };
  }),
  ...tableRows('import-exceptions').map(([from, to]) => ({
    from: { path: pathOf(codeNames(from)[0]) },
    to: { path: pathOf(codeNames(to)[0]) },
  })),
];

const circleFiles = tableRows('circle-exceptions').flatMap(([files]) => codeNames(files).map(pathOf));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No two files import each other, directly or round a longer circle (docs/architecture.md).',
      severity: 'error',
      from: { pathNot: circleFiles },
      to: { circular: true },
    },
    // A circle named in the circle-exceptions table is let through only while it stays among its own files.
    ...tableRows('circle-exceptions').map(([files], i) => ({
      name: `no-circular-beyond-exception-${i + 1}`,
      severity: 'error',
      from: { path: codeNames(files).map(pathOf) },
      to: { circular: true, via: { pathNot: codeNames(files).map(pathOf).join('|') } },
    })),
  ],
  allowed,
  allowedSeverity: 'error',
  options: {
    includeOnly: '^src/',
    exclude: { path: '^src/types/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type is a dependency on what defines it.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
