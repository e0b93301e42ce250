import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeSections, updateReadme } from '../../src/cli/readme-sections.js';
import { CONTRACT_FIELDS } from '../../src/contract/business-fields.js';

describe('the README matches the code (npm run readme rewrites it)', () => {
  it('has the command summary and the fields table the code gives', async () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(updateReadme(readme, await readmeSections()), 'README.md is out of date: run npm run readme').toBe(readme);
  });

  it('lists each command once, and each business field once', async () => {
    const { commands, fields } = await readmeSections();
    const lines = commands.split('\n').filter((line) => line.startsWith('placard '));
    // The command is the run of bare words after "placard", before its arguments and options.
    const names = lines.map((line) => /^placard((?: [a-z]+)+)/.exec(line)![1]);
    expect(new Set(names).size).toBe(names.length);
    expect(lines.filter((line) => line.startsWith('placard init'))).toHaveLength(1);
    for (const field of [...Object.keys(CONTRACT_FIELDS), 'languages', 'rights_url']) {
      expect(
        fields.split('\n').filter((row) => row.startsWith(`| \`${field}\` |`)),
        field,
      ).toHaveLength(1);
    }
  });

  it('marks required options bare and repeatable ones with ...', async () => {
    const { commands } = await readmeSections();
    expect(commands).toMatch(/placard batch <template> --data <file> /);
    expect(commands).toMatch(/--out-dir <dir> /);
    expect(commands).toContain('[--locales <dir>]...');
    expect(commands).toContain('[--size letter|a4|');
  });

  it('replaces only between the markers, and says when a marker is missing', () => {
    const text = 'a\n<!-- generated: x (npm run readme) -->\nold\n<!-- end generated: x -->\nb\n';
    expect(updateReadme(text, { x: 'new' })).toBe('a\n<!-- generated: x (npm run readme) -->\nnew\n<!-- end generated: x -->\nb\n');
    expect(() => updateReadme('a', { x: 'new' })).toThrow(/no "<!-- generated: x/);
  });
});
