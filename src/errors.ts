import type { Problem } from './contract/problem.js';
import { printable } from './contract/text-hygiene.js';

export type { Problem } from './contract/problem.js';

/** Bad flag, unknown template or language, unreadable file: exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Invalid input data: exit 1. Carries every problem found, not just the first. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
  }
}

/** A template or locale that does not work: the author's mistake, exit 2 like other unusable files. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

export function formatProblem(problem: Problem): string {
  const where: string[] = [];
  if (problem.file) where.push(problem.file);
  if (problem.row !== undefined) where.push(`row ${problem.row}`);
  if (problem.line !== undefined) {
    where.push(problem.column !== undefined ? `line ${problem.line}, column ${problem.column}` : `line ${problem.line}`);
  }
  if (problem.key) where.push(`key "${printable(problem.key, 60)}"`);
  else if (problem.field) where.push(`field "${printable(problem.field, 40)}"`);
  if (problem.value !== undefined) where.push(`value "${printable(problem.value, 60)}"`);
  const prefix = where.length > 0 ? `${where.join(', ')}: ` : '';
  return `${prefix}${problem.message}`;
}

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
