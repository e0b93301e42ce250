import { Command } from 'commander';
import { EXIT, InputError } from '../errors.js';
import { bundledFaces } from '../fonts/bundled-fonts.js';
import { checkCoverage } from '../checks/font-coverage.js';
import { fontSet } from '../fonts/font-set.js';
import { flattenStrings } from '../strings/locale-check.js';
import { localeCatalog } from '../strings/locale-catalog.js';
import { knownLanguage } from './locales-command.js';
import { collect } from './session-flags.js';
import { say, type CliIO } from './io.js';

export function fontsCommand(io: CliIO, done: (code: number) => void): Command {
  const command = new Command('fonts').description('list fonts and check language coverage');
  command
    .command('list')
    .description('list the bundled fonts and the scripts each is used for')
    .action(() => {
      for (const face of bundledFaces().filter((candidate) => candidate.weight === 400)) {
        const scripts = face.scripts.length > 0 ? face.scripts.join(', ') : 'emoji and symbols (last resort)';
        io.stdout.write(`${face.family.padEnd(22)} ${scripts.padEnd(34)} regular, bold   ${face.file}\n`);
      }
      io.stdout.write(`\nAll are SIL Open Font License 1.1; each licence ships beside its font (e.g. ${bundledFaces()[0]!.licence}).\n`);
    });
  command
    .command('check')
    .description("check that every character of a language's strings has a font")
    .argument('<lng>', 'language, e.g. am')
    .option('--font <file>', 'a TTF/OTF font to try first (repeatable)', collect, [])
    .option('--locales <dir>', 'a folder of locale folders that add to or override the built-in ones (repeatable)', collect, [])
    .action((wanted: string, flags: { font: string[]; locales: string[] }) => {
      const catalog = localeCatalog(flags.locales);
      const code = knownLanguage(wanted, catalog.keys());
      const locale = catalog.get(code)!;
      const coverage = checkCoverage([...flattenStrings(locale).values()], code, locale.meta.dir, fontSet(flags.font));
      if (coverage.missing.length > 0) {
        throw new InputError([
          { file: `locales/${code}`, message: `no font has ${coverage.missing.join(', ')}; add one with --font FILE` },
        ]);
      }
      // A --font file's family name is the font maker's text: shown terminal-safe.
      say(io, `${code}: every character has a font (${coverage.families.join(', ')})\n`);
      done(EXIT.ok);
    });
  return command;
}
