import { Command } from 'commander';
import { EXIT, InputError, UsageError } from '../errors.js';
import { checkLocale } from '../strings/locale-check.js';
import { locales } from '../strings/locale-catalog.js';
import type { CliIO, Reporter } from './io.js';

export function localesCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  const command = new Command('locales').description('list and check translations');
  command
    .command('list')
    .description('list the languages placard knows, with their review status')
    .action(() => {
      for (const [code, { meta }] of [...locales()].sort(([a], [b]) => a.localeCompare(b))) {
        const who = meta.status === 'reviewed' ? `reviewed by ${meta.reviewer ?? '?'}` : `draft by ${meta.translator}`;
        io.stdout.write(`${code.padEnd(8)} ${meta.name} (${meta.english_name}), ${meta.dir}, ${meta.status}: ${who}, ${meta.date}\n`);
      }
    });
  command
    .command('check')
    .description('check locales against English: missing or extra keys, broken placeholders')
    .argument('[lng...]', 'languages to check (default: all)')
    .action((codes: string[]) => {
      const catalog = locales();
      const master = catalog.get('en')!;
      const chosen = codes.length > 0 ? codes : [...catalog.keys()].filter((code) => code !== 'en').sort();
      for (const code of chosen) {
        if (!catalog.has(code))
          throw new UsageError(`unknown language "${code}"; known languages: ${[...catalog.keys()].sort().join(', ')}`);
      }
      const problems = chosen.flatMap((code) => checkLocale(catalog.get(code)!, master));
      if (problems.length > 0) throw new InputError(problems);
      for (const code of chosen) {
        const { meta } = catalog.get(code)!;
        reporter.info(`${code}: ok${meta.status === 'draft' ? ' (draft: needs a fluent reviewer)' : ''}`);
      }
      done(EXIT.ok);
    });
  return command;
}
