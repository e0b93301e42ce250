import { CommanderError } from 'commander';
import { EXIT, formatProblem, InputError, TemplateError, UsageError, type ExitCode } from '../errors.js';
import { PLACARD_VERSION } from '../paths.js';
import type { Reporter } from './io.js';

/** The one place where errors become exit codes and messages. */
export function reportError(error: unknown, reporter: Reporter): ExitCode {
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
