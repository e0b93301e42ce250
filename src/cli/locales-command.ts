import { Command } from 'commander';
import { EXIT, formatProblem, InputError, UsageError } from '../errors.js';
import { fontSet } from '../fonts/font-chain.js';
import { checkLocales } from '../strings/check-locales.js';
import { localeCatalog, matchLanguage, readLocaleSources, suggestLanguage } from '../strings/locale-catalog.js';
import { scaffoldLocale } from '../strings/locale-scaffold.js';
import { importEntries } from '../strings/locale-import.js';
import { exportLocale, FORMAT_EXTENSION, readTranslationFile } from '../strings/translation-files.js';
import { writeSafely } from '../write/safe-output.js';
import { collect } from './session-flags.js';
import { say, sayJson, type CliIO, type Reporter } from './io.js';

const LOCALES_HELP = 'a folder of locale folders that add to or override the built-in ones (repeatable)';

/** The known tag for a user's tag (es-MX → es), or a usage error that suggests the nearest one. */
export function knownLanguage(code: string, known: Iterable<string>): string {
  const list = [...known].sort();
  const match = matchLanguage(code, list);
  if (match) return match;
  const hint = suggestLanguage(code, list);
  throw new UsageError(`unknown language "${code}"; ${hint ? `${hint} Known` : 'known'} languages: ${list.join(', ')}`);
}

export function localesCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  const command = new Command('locales').description('list, check, add, export and import translations');
  command
    .command('list')
    .description('list the languages placard knows, with their review status')
    .option('--locales <dir>', LOCALES_HELP, collect, [])
    .option('--json', "print a JSON array of {code, meta} (each locale's meta.yaml) instead")
    .action((flags: { locales: string[]; json?: boolean }) => {
      const locales = [...localeCatalog(flags.locales)].sort(([a], [b]) => a.localeCompare(b));
      if (flags.json)
        return sayJson(
          io,
          locales.map(([code, { meta }]) => ({ code, meta })),
        );
      for (const [code, { meta }] of locales) {
        const who = meta.status === 'reviewed' ? `reviewed by ${meta.reviewers.join(', ')}` : `draft by ${meta.translators.join(', ')}`;
        say(
          io,
          `${code.padEnd(8)} ${meta.name} (${meta.english_name}), ${meta.script}, ${meta.dir}, ${meta.status}: ${who}, ${meta.date}\n`,
        );
      }
    });
  command
    .command('check')
    .description('check locales against English: keys, placeholders, plurals, metadata, fonts')
    .argument('[lng...]', 'languages to check (default: all)')
    .option('--locales <dir>', LOCALES_HELP, collect, [])
    .action((codes: string[], flags: { locales: string[] }) => {
      const sources = readLocaleSources(flags.locales);
      const chosen = codes.length > 0 ? codes.map((code) => knownLanguage(code, sources.keys())) : [...sources.keys()].sort();
      const reports = checkLocales(sources, chosen, fontSet());
      for (const report of reports) {
        for (const warning of report.warnings) reporter.warn(formatProblem(warning));
      }
      const errors = reports.flatMap((report) => report.errors);
      if (errors.length > 0) throw new InputError(errors);
      for (const { code, status, warnings } of reports) {
        const notes = [
          status === 'draft' ? 'draft: needs a fluent reviewer' : '',
          warnings.length > 0 ? `${warnings.length} warning(s)` : '',
        ];
        reporter.info(`${code}: ok${notes.some(Boolean) ? ` (${notes.filter(Boolean).join('; ')})` : ''}`);
      }
      done(EXIT.ok);
    });
  command
    .command('new')
    .description('start a new draft locale from English, with empty strings to translate')
    .argument('<lng>', 'BCP 47 tag of the new language, e.g. de or pt-BR')
    .option('--dir <dir>', 'the folder of locale folders to write it into', './locales')
    .option('--locales <dir>', LOCALES_HELP, collect, [])
    .action(async (code: string, flags: { dir: string; locales: string[] }) => {
      const scaffold = await scaffoldLocale(code, flags.dir, localeCatalog(flags.locales).get('en')!, new Date());
      for (const file of scaffold.files) reporter.info(`wrote ${file}`);
      reporter.info(
        `Next: put your name in meta.yaml, then translate in Poedit or Weblate:\n` +
          `  placard locales export ${scaffold.code} --locales ${flags.dir} --format po -o ${scaffold.code}.po\n` +
          `  placard locales import ${scaffold.code}.po --locales ${flags.dir}\n` +
          `  placard locales check ${scaffold.code} --locales ${flags.dir}`,
      );
      done(EXIT.ok);
    });
  command
    .command('export')
    .description('write a locale as a PO or XLIFF file for Poedit, Weblate and other translation tools')
    .argument('<lng>', 'the language to export, e.g. es')
    .requiredOption('--format <format>', 'po or xliff')
    .option('-o, --output <file>', 'where to write (default: <lng>.po or <lng>.xlf; - for stdout)')
    .option('--locales <dir>', LOCALES_HELP, collect, [])
    .action(async (code: string, flags: { format: string; output?: string; locales: string[] }) => {
      if (flags.format !== 'po' && flags.format !== 'xliff') throw new UsageError(`--format expects po or xliff, found "${flags.format}"`);
      const catalog = localeCatalog(flags.locales);
      const locale = catalog.get(knownLanguage(code, catalog.keys()))!;
      const text = await exportLocale(locale, catalog.get('en')!, flags.format);
      const output = flags.output ?? `${locale.code}.${FORMAT_EXTENSION[flags.format]}`;
      if (output === '-') io.stdout.write(text);
      else {
        await writeSafely(output, new TextEncoder().encode(text));
        reporter.info(`wrote ${output} (${locale.code}, ${flags.format})`);
      }
      done(EXIT.ok);
    });
  command
    .command('import')
    .description("merge a translated PO or XLIFF file into the locale's strings")
    .argument('<file>', 'a .po or .xlf file')
    .option('--lng <lng>', "the locale to import into (default: the file's language)")
    .option('--locales <dir>', LOCALES_HELP, collect, [])
    .action(async (file: string, flags: { lng?: string; locales: string[] }) => {
      const catalog = localeCatalog(flags.locales);
      const translated = await readTranslationFile(file, flags.lng);
      const wanted = flags.lng ?? translated.language;
      if (!wanted) throw new UsageError(`${file} does not say its language; give it with --lng, like --lng es`);
      const locale = catalog.get(knownLanguage(wanted, catalog.keys()))!;
      const result = await importEntries(locale, catalog.get('en')!, translated.entries, file);
      for (const { key, from, to } of result.changed)
        reporter.info(`${locale.code} ${key}: ${from === '' ? '(new)' : JSON.stringify(from)} → ${JSON.stringify(to)}`);
      const fuzzy = result.skipped.filter((entry) => entry.why === 'fuzzy').length;
      const untranslated = result.skipped.length - fuzzy;
      reporter.info(
        `${locale.code}: ${result.changed.length} string(s) changed` +
          (fuzzy > 0 ? `, ${fuzzy} fuzzy left out` : '') +
          (untranslated > 0 ? `, ${untranslated} untranslated left out` : '') +
          (result.written.length > 0 ? `; wrote ${result.written.join(', ')}` : '; no file changed'),
      );
      if (result.refused.length > 0) throw new InputError(result.refused);
      done(EXIT.ok);
    });
  return command;
}
