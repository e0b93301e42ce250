import { CommanderError } from 'commander';
import { EXIT, formatProblem, InputError, TemplateError, UsageError } from '../errors.js';
import { PLACARD_VERSION } from '../paths.js';
import type { Reporter } from './io.js';
import { SIGNAL_EXIT, type StopSignal } from './signals.js';

/** The user stopped placard (Ctrl-C at a question, or a signal): exit 130 or 143, with a line, never a trace. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor(
    readonly signal: StopSignal = 'SIGINT',
    message = 'stopped',
  ) {
    super(message);
  }
}

/** The one place where errors become exit codes and messages (signals: src/cli/signals.ts). */
export function reportError(error: unknown, reporter: Reporter): number {
  if (error instanceof Interrupted) {
    reporter.error(error.message);
    return SIGNAL_EXIT[error.signal];
  }
  // Ctrl-C at an @inquirer question (placard init) is Ctrl-C, not a usage error.
  if (error instanceof Error && error.name === 'ExitPromptError') {
    reporter.error('stopped (Ctrl-C); nothing more was written');
    return SIGNAL_EXIT.SIGINT;
  }
  if (error instanceof InputError) {
    reporter.error(`the input has ${error.problems.length === 1 ? 'a problem' : `${error.problems.length} problems`}:`);
    for (const problem of error.problems) reporter.info(`  - ${formatProblem(problem)}`);
    return EXIT.input;
  }
  if (error instanceof UsageError || error instanceof TemplateError) {
    reporter.error(error.message);
    return EXIT.usage;
  }
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  reporter.error(`internal error in placard ${PLACARD_VERSION}. This is a bug: please report it with the command you ran and this trace.`);
  reporter.info(stack);
  return EXIT.internal;
}
