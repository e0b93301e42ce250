import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { EXIT, InputError, UsageError } from '../errors.js';
import { readBusinessFile } from '../read/business-file.js';
import { prepare } from '../session/prepare.js';
import { localeCatalog } from '../strings/locale-catalog.js';
import { writeSafely } from '../write/safe-output.js';
import { askAudience, askInit, askReplace, type InitAnswers } from './init-questions.js';
import type { Context } from './prompt-context.js';
import { initYaml } from './init-yaml.js';
import type { CliIO, Reporter } from './io.js';

/** 128 + SIGINT: what a shell reports for a program stopped with Ctrl-C. */
const INTERRUPTED = 130;

function noTerminal(run: string): string {
  return [
    'placard init asks questions, so it needs a terminal to type in, and this is not one.',
    'Without one, give the details as flags instead, for example:',
    `  ${run} render private-areas --set name="Your business" --set contact_name="Ana" --set "private_areas=Kitchen;Office" --lang en,es -o notice.pdf`,
    `or write them in business.yaml and run: ${run} render private-areas --data business.yaml --lang en,es`,
    `For a home: ${run} render home --lang en,es -o home.pdf`,
    `("${run} templates list" shows every notice and packet.)`,
  ].join('\n');
}

/**
 * How to run placard again, as typed: `npx placard` when this run came
 * through npx (npm sets npm_command=exec for npx and npm exec), else
 * `placard`.
 */
export function placardCommand(env: CliIO['env']): string {
  return env.npm_command === 'exec' || /\bnpx(-cli)?(\.js)?$/.test(env.npm_execpath ?? '') ? 'npx placard' : 'placard';
}

/** `placard init`: guided questions → business.yaml (or home.yaml) → the first PDF. */
export function initCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  return new Command('init')
    .description('answer a few questions, get business.yaml (or home.yaml) and your first notice')
    .option('--dir <folder>', 'where to write the answers and the PDF', '.')
    .action(async (flags: { dir: string }) => {
      const run = placardCommand(io.env);
      if (!io.stdin?.isTTY) throw new UsageError(noTerminal(run));
      const say = (line: string) => io.stdout.write(`${line}\n`);
      const stdin = io.stdin;
      // Input that ends mid-question (a closed pipe, a script run out) stops the questions instead of waiting forever.
      const ended = new AbortController();
      stdin.once('end', () => ended.abort());
      const context = (): Context => ({ input: stdin, output: forward(io.stdout), signal: ended.signal });
      say('Welcome to placard. A few questions, and then your notice is printed to a PDF file.');
      const asked = await asking(run, async () => {
        const audience = await askAudience(context);
        const file = join(flags.dir, `${audience}.yaml`);
        if (existsSync(file) && !(await askReplace(context, file))) return { kept: file, audience };
        return { file, answers: await askInit(context, localeCatalog([]), audience, io.env) };
      });
      if (asked === INTERRUPTED) {
        reporter.error('placard init stopped (Ctrl-C); nothing was written.');
        return done(INTERRUPTED);
      }
      if ('kept' in asked) {
        say(
          `Kept ${asked.kept} as it is. To print from it: ${run} render ${asked.audience === 'home' ? 'home' : 'private-areas'} --data ${asked.kept}`,
        );
        return done(EXIT.ok);
      }
      const { file, answers } = asked;
      const again = printAgain(run, answers, file);
      await writeSafely(file, new TextEncoder().encode(initYaml({ ...answers, printAgain: again })));
      say(`Saved your answers in ${resolve(file)}.`);
      const output = join(flags.dir, answers.audience === 'home' ? `${answers.notice}.pdf` : `business-${answers.notice}.pdf`);
      const renderer = prepare({ template: answers.notice, languages: answers.languages, size: answers.size });
      const rendered = await renderer.render(readBusinessFile(file));
      for (const warning of rendered.warnings) reporter.warn(warning.message);
      if (!rendered.ok) throw new InputError(rendered.problems);
      await writeSafely(output, rendered.pdf, { inputs: [file, ...renderer.inputs] });
      say(`Your notice is ready: ${resolve(output)} (${rendered.pageCount} page${rendered.pageCount === 1 ? '' : 's'}).`);
      say('Open it and print it at actual size (100%).');
      say(`To print it again after editing ${file}: ${again}`);
      done(EXIT.ok);
    });
}

/** The render command for these answers, as the person would type it. */
function printAgain(run: string, answers: InitAnswers, file: string): string {
  const size = answers.size === 'letter' ? '' : ` --size ${answers.size}`;
  return `${run} render ${answers.notice} --data ${file} --lang ${answers.languages.join(',')}${size}`;
}

/** The prompts write to a stream (and end it when done); the CLI's stdout is only something with write(). */
function forward(stdout: CliIO['stdout']): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      stdout.write(chunk.toString('utf8'));
      callback();
    },
  });
}

/**
 * Runs the questions. Ctrl-C (the prompts' ExitPromptError) is INTERRUPTED,
 * for exit 130; input that ends early is a usage error. Either way nothing
 * has been written.
 */
async function asking<T>(run: string, questions: () => Promise<T>): Promise<T | typeof INTERRUPTED> {
  try {
    return await questions();
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') return INTERRUPTED;
    if (error instanceof Error && error.name === 'AbortPromptError') {
      throw new UsageError(
        `placard init stopped before every question was answered; nothing was written. Run ${run} init again to start over.`,
      );
    }
    throw error;
  }
}
