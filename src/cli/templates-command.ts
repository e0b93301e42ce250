import { Command } from 'commander';
import { InputError } from '../errors.js';
import { checkTemplate } from '../checks/check-template.js';
import { findTemplates, loadTemplate } from '../templates/catalog.js';
import { knownTemplateOrPacket } from '../templates/known-ids.js';
import { findPackets, loadPacket, readPacket, type Packet } from '../templates/packet.js';
import { describeTemplate } from '../checks/describe-template.js';
import { Reporter, say, sayJson, type CliIO } from './io.js';
import { collect } from './session-flags.js';

/** One line of `templates list`, or one object of `templates list --json`. */
interface Listed {
  readonly id: string;
  readonly kind: 'template' | 'packet';
  readonly title: string;
  readonly description: string;
  /** A packet's templates, in order, each with its number of copies. */
  readonly templates?: readonly { template: string; copies: number }[];
}

export function listTemplates(dirs: readonly string[]): Listed[] {
  const templates = [...findTemplates(dirs).keys()].sort().map((id): Listed => {
    const { manifest } = loadTemplate(id, dirs);
    return { id, kind: 'template', title: manifest.title, description: manifest.description };
  });
  const packets = [...findPackets(dirs)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, file]): Listed => {
      const packet = readPacket(file);
      const parts = packet.templates.map(({ template, copies }) => ({ template, copies }));
      return { id, kind: 'packet', title: packet.title, description: packet.description, templates: parts };
    });
  return [...templates, ...packets];
}

export function templatesCommand(io: CliIO): Command {
  const templates = new Command('templates').description('list, show and check notice templates and packets');
  templates
    .command('list')
    .description('list the templates and packets placard knows')
    .option('--templates <dir>', 'a folder of extra templates')
    .option('--json', 'print a JSON array of {id, kind, title, description, templates?} instead')
    .action((flags: { templates?: string; json?: boolean }) => {
      const listed = listTemplates(flags.templates ? [flags.templates] : []);
      if (flags.json) return sayJson(io, listed);
      for (const entry of listed) {
        const parts = entry.templates?.map(({ template, copies }) => (copies > 1 ? `${template} ×${copies}` : template));
        say(io, `${entry.id.padEnd(20)} ${parts ? `(packet) ${entry.title}: ${parts.join(', ')}` : entry.title}\n`);
      }
    });
  templates
    .command('show')
    .description('show a template: fields (required or optional), sizes, arrangements, languages; or a packet: its templates')
    .argument('<id>', 'the template or packet id, like private-areas or business-packet')
    .option('--templates <dir>', 'a folder of extra templates')
    .option('--locales <dir>', 'a folder of locale folders (repeatable)', collect, [])
    .action((id: string, flags: { templates?: string; locales: string[] }) => {
      const dirs = flags.templates ? [flags.templates] : [];
      const kind = knownTemplateOrPacket(id, dirs);
      say(io, kind === 'packet' ? describePacket(loadPacket(id, dirs)) : describeTemplate(loadTemplate(id, dirs), flags.locales));
    });
  templates
    .command('check')
    .description('check a template folder: manifest, theme and markup, then render it with sample data (exit 1 on any problem)')
    .argument('<dir>', 'the template folder (holding template.yaml, template.hbs and theme.yaml)')
    .option('--locales <dir>', 'a folder of locale folders (repeatable)', collect, [])
    .action(async (dir: string, flags: { locales: string[] }) => {
      const problems = await checkTemplate(dir, flags.locales);
      if (problems.length > 0) throw new InputError(problems);
      new Reporter(io).info(`${dir}: ok (manifest, theme, markup and sample renders)`);
    });
  return templates;
}

function describePacket(packet: Packet): string {
  return [
    `${packet.id}: ${packet.title} (packet)`,
    `  ${packet.description}`,
    `file:         ${packet.file}`,
    'templates:',
    ...packet.templates.map(
      (entry) =>
        `  ${entry.template}${entry.copies > 1 ? ` ×${entry.copies}` : ''}` +
        `${entry.arrange ? `, arranged ${entry.arrange}` : ''}${entry.size ? `, on ${entry.size}` : ''}`,
    ),
    `(placard templates show TEMPLATE shows each template's fields)`,
    '',
  ].join('\n');
}
