import type { Command, Option } from 'commander';
import { loadTemplate, findTemplates } from '../templates/catalog.js';
import { CONTRACT_FIELDS } from '../contract/business-fields.js';
import { FIELD_NOTES } from '../validate/field-notes.js';
import { Reporter, type CliIO } from './io.js';
import { buildProgram, commandPath, everyCommand } from './main.js';

/**
 * The README sections made from the code (npm run readme; a test checks the README matches): the command
 * summary from commander's tree, and the business fields table from the schema and the templates' manifests.
 * Each lives between `<!-- generated: NAME (npm run readme) -->` and `<!-- end generated: NAME -->`.
 */
const WIDTH = 100;

/** One option as a synopsis shows it: `--size letter|a4`, `[--lang <codes>]`, `[--locales <dir>]...`. */
function optionUsage(option: Option): string {
  const flag = option.short ?? option.long!;
  const value = option.argChoices ? option.argChoices.join('|') : /[<[].*[>\]]/.exec(option.flags)?.[0];
  const text = value ? `${flag} ${value}` : flag;
  const repeatable = Array.isArray(option.defaultValue);
  return `${option.mandatory ? text : `[${text}]`}${repeatable ? '...' : ''}`;
}

function wrap(words: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = `        ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** `placard <command> <arguments> <options>`, for every command that runs (not the groups), in --help order. */
export function commandSummary(program: Command): string {
  const lines: string[] = [];
  everyCommand(program, (command) => {
    if (command === program || command.commands.length > 0) return;
    const args = command.registeredArguments.map((arg) => {
      const name = `${arg.name()}${arg.variadic ? '...' : ''}`;
      return arg.required ? `<${name}>` : `[${name}]`;
    });
    const options = command.options.filter((option) => !option.hidden).map(optionUsage);
    lines.push(wrap(['placard', ...commandPath(command), ...args, ...options]));
  });
  return ['```', ...lines, '```'].join('\n');
}

/** The business fields table: every contract field, its type and limit, the templates that declare it, and its note. */
export function fieldsTable(): string {
  const manifests = [...findTemplates().keys()].sort().map((id) => loadTemplate(id).manifest);
  const rows = Object.entries(CONTRACT_FIELDS).map(([name, spec]) => {
    const kind =
      spec.type === 'list'
        ? `list, up to ${spec.max_items ?? 'any number of'} entries of ${spec.max} characters`
        : `${spec.type}, up to ${spec.max} characters`;
    const printing = manifests.filter((manifest) => name in manifest.fields);
    const requiring = printing.filter((manifest) => manifest.fields[name]!.required).map((manifest) => manifest.id);
    const printedBy =
      printing.length === 0
        ? 'no template (checked and kept)'
        : printing.length === manifests.length
          ? 'every template'
          : printing.map((manifest) => manifest.id).join(', ');
    const required =
      requiring.length === 0 ? '' : requiring.length === manifests.length ? '; required' : `; required by ${requiring.join(', ')}`;
    return `| \`${name}\` | ${kind} | ${printedBy}${required} | ${FIELD_NOTES[name] ?? ''} |`;
  });
  // Fields every template has, which placard itself reads (not declared by templates).
  const own = [
    ['languages', 'list of language tags'],
    ['rights_url', 'link'],
  ].map(([name, kind]) => `| \`${name}\` | ${kind} | every template | ${FIELD_NOTES[name!] ?? ''} |`);
  return ['| field | value | used by | notes |', '|---|---|---|---|', ...rows, ...own].join('\n');
}

/** The README with every generated section replaced; a marker without its end is left as it is. */
export function updateReadme(readme: string, sections: Readonly<Record<string, string>>): string {
  let updated = readme;
  for (const [name, body] of Object.entries(sections)) {
    const start = `<!-- generated: ${name} (npm run readme) -->`;
    const end = `<!-- end generated: ${name} -->`;
    const from = updated.indexOf(start);
    const to = updated.indexOf(end, from);
    if (from < 0 || to < 0) throw new Error(`README.md has no "${start}" … "${end}" section`);
    updated = `${updated.slice(0, from + start.length)}\n${body}\n${updated.slice(to)}`;
  }
  return updated;
}

/** Every generated section, by name, from the whole command tree. */
export async function readmeSections(): Promise<{ commands: string; fields: string }> {
  const io: CliIO = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} };
  const program = await buildProgram(io, new Reporter(io), () => {});
  return { commands: commandSummary(program), fields: fieldsTable() };
}
