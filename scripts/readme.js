// Rewrites the README's generated sections from the code: the command summary (commander's tree) and the
// business fields table (src/contract/business-fields.ts, field-notes.ts and each template.yaml).
//
//   npm run readme            (builds dist/ first)
//
// test/cli/readme-sections.test.ts fails when README.md and the code disagree: run this after adding a
// command, an option or a business field.
import { readFileSync, writeFileSync } from 'node:fs';
import { readmeSections, updateReadme } from '../dist/cli/readme-sections.js';

const file = new URL('../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = updateReadme(before, await readmeSections());
writeFileSync(file, after);
console.log(after === before ? 'README.md is up to date' : 'README.md: generated sections rewritten');
