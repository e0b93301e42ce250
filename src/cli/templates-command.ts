import { Command } from 'commander';
import { InputError } from '../errors.js';
import { checkTemplate } from '../templates/check-template.js';
import { findTemplates, loadTemplate } from '../templates/catalog.js';
import { findPackets, readPacket } from '../templates/packet.js';
import { describeTemplate } from '../templates/describe-template.js';
import { Reporter, type CliIO } from './io.js';
import { collect } from './session-flags.js';

export function templatesCommand(io: CliIO): Command {
  const templates = new Command('templates').description('list, show and check notice templates and packets');
  templates
    .command('list')
    .description('list the templates and packets placard knows')
    .option('--templates <dir>', 'a folder of extra templates')
    .action((flags: { templates?: string }) => {
      const dirs = flags.templates ? [flags.templates] : [];
      for (const id of [...findTemplates(dirs).keys()].sort()) {
        const { manifest } = loadTemplate(id, dirs);
        io.stdout.write(`${id.padEnd(20)} ${manifest.title}\n`);
      }
      for (const [id, file] of [...findPackets(dirs)].sort(([a], [b]) => a.localeCompare(b))) {
        const packet = readPacket(file);
        const parts = packet.templates.map((entry) => (entry.copies > 1 ? `${entry.template} ×${entry.copies}` : entry.template));
        io.stdout.write(`${id.padEnd(20)} (packet) ${packet.title}: ${parts.join(', ')}\n`);
      }
    });
  templates
    .command('show')
    .description('show a template: fields (required or optional), sizes, arrangements, languages')
    .argument('<id>', 'the template id, like private-areas')
    .option('--templates <dir>', 'a folder of extra templates')
    .option('--locales <dir>', 'a folder of locale folders (repeatable)', collect, [])
    .action((id: string, flags: { templates?: string; locales: string[] }) => {
      io.stdout.write(describeTemplate(loadTemplate(id, flags.templates ? [flags.templates] : []), flags.locales));
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
