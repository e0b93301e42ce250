import { Command } from 'commander';
import { findTemplates, loadTemplate } from '../templates/catalog.js';
import type { CliIO } from './io.js';

export function templatesCommand(io: CliIO): Command {
  const templates = new Command('templates').description('list and show notice templates');
  templates
    .command('list')
    .description('list the templates placard knows')
    .option('--templates <dir>', 'a folder of extra templates')
    .action((flags: { templates?: string }) => {
      const dirs = flags.templates ? [flags.templates] : [];
      for (const id of [...findTemplates(dirs).keys()].sort()) {
        const { manifest } = loadTemplate(id, dirs);
        io.stdout.write(`${id.padEnd(20)} ${manifest.title}\n`);
      }
    });
  return templates;
}
