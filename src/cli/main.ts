import { Command } from 'commander';
import { EXIT } from '../errors.js';
import { PLACARD_VERSION } from '../paths.js';
import { reportError } from './report-error.js';
import { EXAMPLES, examples } from './help-examples.js';
import { Reporter, writeMessage, type CliIO } from './io.js';

type Done = (code: number) => void;

/**
 * Every command, loaded only when it runs: `placard --version` loads none of
 * them, `placard render` loads only the renderer. Help and an unknown command
 * load them all, to list them.
 */
const COMMANDS: Readonly<Record<string, (io: CliIO, reporter: Reporter, done: Done) => Promise<Command>>> = {
  render: async (io, reporter, done) => (await import('./render-command.js')).renderCommand(io, reporter, done),
  batch: async (io, reporter, done) => (await import('./batch-command.js')).batchCommand(io, reporter, done),
  templates: async (io) => (await import('./templates-command.js')).templatesCommand(io),
  locales: async (io, reporter, done) => (await import('./locales-command.js')).localesCommand(io, reporter, done),
  fonts: async (io, _reporter, done) => (await import('./fonts-command.js')).fontsCommand(io, done),
  manifest: async (io, reporter, done) => (await import('./manifest-command.js')).manifestCommand(io, reporter, done),
  init: async (io, reporter, done) => (await import('./init-command.js')).initCommand(io, reporter, done),
  serve: async (io, reporter, done) => (await import('./serve-command.js')).serveCommand(io, reporter, done),
  completion: async (io) => (await import('./completion-command.js')).completionCommand(io),
};

/** The commands to load for these arguments (completion describes them all). */
function commandsFor(argv: readonly string[]): string[] {
  const first = argv.find((arg) => !arg.startsWith('-'));
  if (first === undefined && argv.length > 0 && argv.every((arg) => arg === '--version' || arg === '-V')) return [];
  return first !== undefined && first in COMMANDS && first !== 'completion' ? [first] : Object.keys(COMMANDS);
}

/** The whole command tree, with examples and required marks, as `placard --help` and the README show it. */
export async function buildProgram(
  io: CliIO,
  reporter: Reporter,
  done: Done,
  names: readonly string[] = Object.keys(COMMANDS),
): Promise<Command> {
  const program = new Command('placard')
    .description('Print-ready PDF notices for businesses, in the languages their readers read.')
    .version(PLACARD_VERSION);
  for (const name of names) program.addCommand(await COMMANDS[name]!(io, reporter, done));
  everyCommand(program, (command) => {
    command
      .exitOverride()
      .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => writeMessage(io, text) })
      .showHelpAfterError(`(run "${['placard', ...commandPath(command)].join(' ')} --help" for usage)`);
    markRequired(command);
    const lines = EXAMPLES[commandPath(command).join(' ')];
    if (lines) command.addHelpText('after', examples(lines));
  });
  return program;
}

/** Runs placard with the given arguments and returns the exit code. Never touches `process`. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const reporter = new Reporter(io);
  let code: number = EXIT.ok;
  const done = (exit: number): void => {
    code = exit;
  };
  try {
    const program = await buildProgram(io, reporter, done, commandsFor(argv));
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, reporter);
  }
}

/** Usage errors anywhere in the tree of commands are exit 2 and go to the given stderr, never to process.exit. */
export function everyCommand(command: Command, apply: (command: Command) => void): void {
  apply(command);
  for (const sub of command.commands) everyCommand(sub, apply);
}

/** A required option (commander's requiredOption) says so in --help, which commander does not do itself. */
function markRequired(command: Command): void {
  for (const option of command.options) {
    if (option.mandatory && !option.description.startsWith('(required)')) option.description = `(required) ${option.description}`;
  }
}

export function commandPath(command: Command): string[] {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names;
}
