import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkTemplate } from '../../src/checks/check-template.js';

/** A copy of a built-in template under a new id, changed by `edit(file, text)`. */
function brokenCopy(from: string, id: string, edits: Record<string, (text: string) => string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'placard-check-')), id);
  mkdirSync(dir);
  cpSync(join('templates', from), dir, { recursive: true });
  const manifest = join(dir, 'template.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(`id: ${from}`, `id: ${id}`));
  for (const [file, edit] of Object.entries(edits)) writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('templates check', () => {
  it.each(['private-areas', 'property-use', 'public-property', 'staff-only'])('finds nothing wrong with the built-in %s', async (id) => {
    expect(await checkTemplate(join('templates', id))).toEqual([]);
  });

  it('traces a markup error back to the line and column of template.hbs', async () => {
    const dir = brokenCopy('staff-only', 'h3', {
      'template.hbs': (text) => text.replace('<h2 align="center">', '<h3 align="center">').replace('</h2>', '</h3>'),
    });
    const problems = await checkTemplate(dir);
    expect(problems).toEqual([
      expect.objectContaining({
        file: join(dir, 'template.hbs'),
        line: 8,
        column: 5,
        message: expect.stringMatching(/^<h3> is not a block element/),
      }),
    ]);
  });

  it('points at a bad attribute inside a tag that also holds business data', async () => {
    const dir = brokenCopy('public-property', 'attr', {
      'template.hbs': (text) => text.replace('<qr href="{{business.report_url}}"', '<qr href="{{business.report_url}}" colour="red"'),
    });
    const [problem] = await checkTemplate(dir);
    const line =
      readFileSync(join(dir, 'template.hbs'), 'utf8')
        .split('\n')
        .findIndex((text) => text.includes('colour')) + 1;
    expect(problem).toMatchObject({ line, column: 5, message: expect.stringContaining('unknown attribute "colour"') });
  });

  it('gives a Handlebars error and a missing string their line and column', async () => {
    const unclosed = brokenCopy('staff-only', 'unclosed', { 'template.hbs': (text) => text.replace('{{/eachPage}}', '{{/eachPag}}') });
    expect(await checkTemplate(unclosed)).toEqual([
      expect.objectContaining({ line: 2, column: 4, message: expect.stringContaining("doesn't match eachPag") }),
    ]);
    const typo = brokenCopy('staff-only', 'typo', { 'template.hbs': (text) => text.replace('staff-only:subtitle', 'staff-only:subtitel') });
    expect(await checkTemplate(typo)).toEqual([
      expect.objectContaining({ line: 8, column: 28, message: expect.stringContaining('has no string "staff-only:subtitel"') }),
    ]);
  });

  it('names every manifest and theme problem with its line and column', async () => {
    const dir = brokenCopy('staff-only', 'manifest', {
      'template.yaml': (text) =>
        text.replace('sizes: [letter, a4, legal, tabloid, half-letter, decal]', 'sizes: [letter, a5]').replace('max: 80', 'max: -3'),
      'theme.yaml': (text) => text.replace('margin_mm: 12.7', "margin_mm: 'wide'"),
    });
    const problems = await checkTemplate(dir);
    expect(problems.map(({ file, line, column }) => [file!.split('/').at(-1), line, column])).toEqual([
      ['template.yaml', 8, 17],
      ['template.yaml', 12, 44],
      ['theme.yaml', 4, 12],
    ]);
    expect(problems[0]!.message).toMatch(/^sizes\.1: .*'a5'/);
  });

  it('reports an id that does not match the folder, and YAML that does not parse', async () => {
    const dir = brokenCopy('staff-only', 'other', { 'template.yaml': (text) => text.replace('id: other', 'id: staff-only') });
    expect(await checkTemplate(dir)).toEqual([
      expect.objectContaining({ line: 1, column: 1, message: expect.stringContaining('does not match the folder') }),
    ]);
    const yaml = brokenCopy('staff-only', 'yaml', { 'template.yaml': (text) => `${text}fields: [\n` });
    expect((await checkTemplate(yaml))[0]).toMatchObject({
      message: expect.stringMatching(/not valid YAML/),
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  it('refuses a folder that does not exist as a usage error', async () => {
    await expect(checkTemplate('/nonexistent/placard-template')).rejects.toThrow(UsageError);
  });
});
