import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import YAML from 'yaml';
import { EXIT, InputError, UsageError } from '../errors.js';
import { readBusinessFile } from '../read/business-file.js';
import { prepare } from '../session/prepare.js';
import { localeCatalog } from '../strings/locale-catalog.js';
import { writeSafely } from '../write/safe-output.js';
import { askInit, askReplace, type Context, type InitAnswers } from './init-questions.js';
import type { CliIO, Reporter } from './io.js';

const NO_TERMINAL = [
  'placard init asks questions, so it needs a terminal to type in, and this is not one.',
  'Without one, give the details as flags instead, for example:',
  '  placard render private-areas --set name="Your business" --set contact_name="Ana" --set "private_areas=Kitchen;Office" --lang en,es -o notice.pdf',
  'or write them in business.yaml and run: placard render private-areas --data business.yaml --lang en,es',
  '("placard templates list" shows every notice and packet.)',
].join('\n');

/** `placard init`: guided questions → business.yaml → the first PDF. */
export function initCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  return new Command('init')
    .description('answer a few questions, get business.yaml and your first notice')
    .option('--dir <folder>', 'where to write business.yaml and the PDF', '.')
    .action(async (flags: { dir: string }) => {
      if (!io.stdin?.isTTY) throw new UsageError(NO_TERMINAL);
      const say = (line: string) => io.stdout.write(`${line}\n`);
      const stdin = io.stdin;
      // Input that ends mid-question (a closed pipe, a script run out) stops the questions instead of waiting forever.
      const ended = new AbortController();
      stdin.once('end', () => ended.abort());
      const context = (): Context => ({ input: stdin, output: forward(io.stdout), signal: ended.signal });
      const file = join(flags.dir, 'business.yaml');
      say('Welcome to placard. A few questions, and then your notice is printed to a PDF file.');
      const answers = await asking(async () => {
        if (existsSync(file) && !(await askReplace(context, file))) return undefined;
        return askInit(context, localeCatalog([]));
      });
      if (!answers) {
        say(`Kept ${file} as it is. To print from it: placard render private-areas --data ${file}`);
        return done(EXIT.ok);
      }
      await writeSafely(file, new TextEncoder().encode(businessYaml(answers)));
      say(`Saved your details in ${resolve(file)}.`);
      const output = join(flags.dir, `business-${answers.notice}.pdf`);
      const renderer = prepare({ template: answers.notice, languages: answers.languages });
      const rendered = await renderer.render(readBusinessFile(file));
      for (const warning of rendered.warnings) reporter.warn(warning.message);
      if (!rendered.ok) throw new InputError(rendered.problems);
      await writeSafely(output, rendered.pdf, { inputs: [file, ...renderer.inputs] });
      say(`Your notice is ready: ${resolve(output)} (${rendered.pageCount} page${rendered.pageCount === 1 ? '' : 's'}).`);
      say('Open it and print it at actual size (100%).');
      say(`To print it again after editing ${file}: placard render ${answers.notice} --data ${file} --lang ${answers.languages.join(',')}`);
      done(EXIT.ok);
    });
}

/** business.yaml as a person can read and edit it, languages included. */
export function businessYaml(answers: InitAnswers): string {
  const doc = new YAML.Document({ ...answers.business, languages: [...answers.languages] });
  doc.commentBefore = ' Your business, for placard. Edit it with any text editor; the field names are in the README.';
  return doc.toString();
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

/** Stopping the questions (Ctrl+C, or the input ending) writes nothing and is said plainly. */
async function asking<T>(questions: () => Promise<T>): Promise<T> {
  try {
    return await questions();
  } catch (error) {
    if (error instanceof Error && ['ExitPromptError', 'AbortPromptError'].includes(error.name)) {
      throw new UsageError(
        'placard init stopped before every question was answered; nothing was written. Run placard init again to start over.',
      );
    }
    throw error;
  }
}
