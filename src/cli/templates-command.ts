import { Command } from 'commander';
import { findTemplates, loadTemplate } from '../templates/catalog.js';
import { findPackets, readPacket } from '../templates/packet.js';
import type { CliIO } from './io.js';

export function templatesCommand(io: CliIO): Command {
  const templates = new Command('templates').description('list and show notice templates and packets');
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
  return templates;
}
