import { Command } from 'commander';
import { completionScript, parseShell, SHELLS } from './completion.js';
import type { CliIO } from './io.js';
import { listTemplates } from './templates-command.js';

export function completionCommand(io: CliIO): Command {
  return new Command('completion')
    .description(`print a shell completion script (${SHELLS.join(', ')})`)
    .argument('<shell>', SHELLS.join(', '))
    .action((shell: string, _flags: unknown, self: Command) => {
      const ids = listTemplates([]).map((entry) => entry.id);
      io.stdout.write(completionScript(parseShell(shell), self.parent!, ids));
    });
}
