import { Command } from 'commander';
import { EXIT } from '../errors.js';
import { PLACARD_VERSION } from '../paths.js';
import { reportError } from './exit-codes.js';
import { Reporter, type CliIO } from './io.js';
import { renderCommand } from './render-command.js';
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
    .version(PLACARD_VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run "placard --help" for usage)');
  program.addCommand(renderCommand(io, reporter, done));
  program.addCommand(templatesCommand(io));
  program.addCommand(localesCommand(io, reporter, done));
  program.addCommand(fontsCommand(io, done));
  program.addCommand((await import('./manifest-command.js')).manifestCommand(io, reporter, done));
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, reporter);
  }
}
