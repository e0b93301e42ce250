import { Command } from 'commander';
import { EXIT, formatProblem, InputError, UsageError } from '../errors.js';
import { fontSet } from '../fonts/font-set.js';
import { checkLocales } from '../checks/locale-report.js';
import { languageTagForName, matchLanguageWord } from '../read/language-names.js';
import { localeCatalog, readLocaleSources } from '../strings/locale-catalog.js';
import { scaffoldLocale } from '../strings/locale-scaffold.js';
import { confirmStrings } from '../strings/locale-confirm.js';
import { glossaryCsv, glossaryTbx } from '../strings/glossary.js';
import { importEntries } from '../strings/locale-import.js';
import { exportLocale, FORMAT_EXTENSION, readTranslationFile } from '../strings/translation-files.js';
import { writeSafely } from '../write/safe-output.js';
import { writeStdout } from './output-streams.js';
import { collect } from './session-flags.js';
import { say, sayJson, type CliIO, type Reporter } from './io.js';

const LOCALES_HELP = 'a folder of locale folders that add to or override the built-in ones (repeatable)';

/** The known tag for a user's tag or language name (es-MX → es, Spanish → es), or a usage error that suggests the nearest one. */
export function knownLanguage(code: string, known: Iterable<string>): string {
  const list = [...known].sort();
  const found = matchLanguageWord(code, list);
  if ('code' in found) return found.code;
  throw new UsageError(`${found.problem}; known languages: ${list.join(', ')}`);
}

export function localesCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  const command = new Command('locales').description('list, check, add, export and import translations');
  command.addCommand(listCommand(io));
  command.addCommand(checkCommand(reporter, done));
  command.addCommand(newCommand(reporter, done));
  command.addCommand(confirmCommand(reporter, done));
  command.addCommand(exportCommand(io, reporter, done));
  command.addCommand(importCommand(reporter, done));
  return command;
}

/** `locales list`: the languages placard knows, with their review status. */
function listCommand(io: CliIO): Command {
  return new Command('list')
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
}

/** `locales check`: every chosen locale against English; an input error (exit 1) if any has errors. */
function checkCommand(reporter: Reporter, done: (code: number) => void): Command {
  return new Command('check')
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
      for (const { code, status, warnings, stale } of reports) {
        const notes = [
          status === 'draft' ? 'draft: needs a fluent reviewer' : '',
          stale > 0 ? `${stale} stale` : '',
          warnings.length > 0 ? `${warnings.length} warning(s)` : '',
        ];
        reporter.info(`${code}: ok${notes.some(Boolean) ? ` (${notes.filter(Boolean).join('; ')})` : ''}`);
      }
      done(EXIT.ok);
    });
}

/** `locales new`: a new draft locale from English, with empty strings to translate. */
function newCommand(reporter: Reporter, done: (code: number) => void): Command {
  return new Command('new')
    .description('start a new draft locale from English, with empty strings to translate')
    .argument('<lng>', 'BCP 47 tag of the new language, e.g. de or pt-BR')
    .option('--dir <dir>', 'the folder of locale folders to write it into', './locales')
    .option('--locales <dir>', LOCALES_HELP, collect, [])
    .action(async (code: string, flags: { dir: string; locales: string[] }) => {
      const scaffold = await scaffoldLocale(languageTagForName(code), flags.dir, localeCatalog(flags.locales).get('en')!, new Date());
      for (const file of scaffold.files) reporter.info(`wrote ${file}`);
      reporter.info(
        `Next: put your name in meta.yaml, then translate in Poedit or Weblate:\n` +
          `  placard locales export ${scaffold.code} --locales ${flags.dir} --format po -o ${scaffold.code}.po\n` +
          `  placard locales import ${scaffold.code}.po --locales ${flags.dir}\n` +
          `  placard locales check ${scaffold.code} --locales ${flags.dir}`,
      );
      done(EXIT.ok);
    });
}

/** `locales confirm`: record that translations were checked against today's English. */
function confirmCommand(reporter: Reporter, done: (code: number) => void): Command {
  return new Command('confirm')
    .description("record that translations were checked against today's English, so they are no longer stale")
    .argument('<lng>', 'the language, e.g. es')
    .option('--key <ns:key>', 'a key to confirm, like private-areas:warrant (repeatable; default: every translated key)', collect, [])
    .option('--locales <dir>', LOCALES_HELP, collect, [])
    .action(async (code: string, flags: { key: string[]; locales: string[] }) => {
      const catalog = localeCatalog(flags.locales);
      const locale = catalog.get(knownLanguage(code, catalog.keys()))!;
      if (locale.code === 'en')
        throw new UsageError('en is the English master; its strings are what translations are made from, so there is nothing to confirm');
      const result = await confirmStrings(locale, catalog.get('en')!, flags.key.length > 0 ? flags.key : undefined);
      for (const key of result.confirmed) reporter.info(`${locale.code} ${key}: confirmed against today's English`);
      reporter.info(
        `${locale.code}: ${result.confirmed.length} string(s) confirmed` + (result.file ? `; wrote ${result.file}` : '; no file changed'),
      );
      if (result.problems.length > 0)
        throw new UsageError(result.problems.map((problem) => `--key ${problem.field}: ${problem.message}`).join('\n'));
      done(EXIT.ok);
    });
}

/** `locales export`: a locale as PO or XLIFF, or its glossary as TBX or CSV. */
function exportCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  return new Command('export')
    .description(
      'write a locale as a PO or XLIFF file for Poedit, Weblate and other translation tools, or its glossary of legal terms as TBX or CSV',
    )
    .argument('<lng>', 'the language to export, e.g. es')
    .requiredOption('--format <format>', 'po or xliff (the strings), tbx or csv (the glossary)')
    .option('-o, --output <file>', 'where to write (default: <lng>.po, .xlf, .tbx or .csv; - for stdout)')
    .option('--locales <dir>', LOCALES_HELP, collect, [])
    .action(async (code: string, flags: { format: string; output?: string; locales: string[] }) => {
      const format = flags.format.toLowerCase();
      if (!['po', 'xliff', 'tbx', 'csv'].includes(format))
        throw new UsageError(`--format expects po, xliff, tbx or csv, found "${flags.format}"`);
      const catalog = localeCatalog(flags.locales);
      const locale = catalog.get(knownLanguage(code, catalog.keys()))!;
      const master = catalog.get('en')!;
      if ((format === 'tbx' || format === 'csv') && !(locale.glossary && master.glossary)) {
        throw new UsageError(`${locale.code} has no glossary to export: add ${locale.code}/glossary.yaml (and en/glossary.yaml) first`);
      }
      const text =
        format === 'tbx'
          ? glossaryTbx(locale, master)
          : format === 'csv'
            ? glossaryCsv(locale, master)
            : await exportLocale(locale, master, format as 'po' | 'xliff');
      const extension = format === 'po' || format === 'xliff' ? FORMAT_EXTENSION[format] : format;
      const output = flags.output ?? `${locale.code}.${extension}`;
      if (output === '-') await writeStdout(io, new TextEncoder().encode(text), `the ${format} export`);
      else {
        await writeSafely(output, new TextEncoder().encode(text));
        reporter.info(`wrote ${output} (${locale.code}, ${format})`);
      }
      done(EXIT.ok);
    });
}

/** `locales import`: merge a translated PO or XLIFF file into a locale. */
function importCommand(reporter: Reporter, done: (code: number) => void): Command {
  return new Command('import')
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
      const result = await importEntries(locale, catalog.get('en')!, translated.entries, file, translated.date);
      for (const { key, from, to } of result.changed)
        reporter.info(`${locale.code} ${key}: ${from === '' ? '(new)' : JSON.stringify(from)} → ${JSON.stringify(to)}`);
      const fuzzy = result.skipped.filter((entry) => entry.why === 'fuzzy').length;
      const untranslated = result.skipped.length - fuzzy;
      reporter.info(
        `${locale.code}: ${result.changed.length} string(s) changed` +
          (result.confirmed.length > result.changed.length
            ? `, ${result.confirmed.length - result.changed.length} confirmed unchanged`
            : '') +
          (fuzzy > 0 ? `, ${fuzzy} fuzzy left out` : '') +
          (untranslated > 0 ? `, ${untranslated} untranslated left out` : '') +
          (result.written.length > 0 ? `; wrote ${result.written.join(', ')}` : '; no file changed'),
      );
      if (result.refused.length > 0) throw new InputError(result.refused);
      done(EXIT.ok);
    });
}
