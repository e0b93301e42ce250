import { Command } from 'commander';
import { EXIT } from '../errors.js';
import { PLACARD_VERSION } from '../paths.js';
import { terminalSafe } from '../text-hygiene.js';
import { reportError } from './exit-codes.js';
import { Reporter, type CliIO } from './io.js';
import { renderCommand } from './render-command.js';
import { batchCommand } from './batch-command.js';
import { templatesCommand } from './templates-command.js';
import { localesCommand } from './locales-command.js';
import { fontsCommand } from './fonts-command.js';

/** Runs placard with the given arguments and returns the exit code. Never touches `process`. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const reporter = new Reporter(io);
  let code: number = EXIT.ok;
  const done = (exit: number): void => {
    code = exit;
  };
  const program = new Command('placard')
    .description('Print-ready PDF notices for businesses, in the languages their readers read.')
    .version(PLACARD_VERSION);
  program.addCommand(renderCommand(io, reporter, done));
  program.addCommand(batchCommand(io, reporter, done));
  program.addCommand(templatesCommand(io));
  program.addCommand(localesCommand(io, reporter, done));
  program.addCommand(fontsCommand(io, done));
  program.addCommand((await import('./manifest-command.js')).manifestCommand(io, reporter, done));
  program.addCommand((await import('./init-command.js')).initCommand(io, reporter, done));
  everyCommand(program, (command) =>
    command
      .exitOverride()
      .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(terminalSafe(text)) })
      .showHelpAfterError(`(run "${['placard', ...commandPath(command)].join(' ')} --help" for usage)`),
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, reporter);
  }
}

/** Usage errors anywhere in the tree of commands are exit 2 and go to the given stderr, never to process.exit. */
function everyCommand(command: Command, apply: (command: Command) => void): void {
  apply(command);
  for (const sub of command.commands) everyCommand(sub, apply);
}

function commandPath(command: Command): string[] {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names;
}
