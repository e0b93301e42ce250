import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { PAGE_SIZE_NAMES, type PageSizeName } from '../contract/page-sizes.js';
import type { SessionOptions } from '../contract/public-api.js';
import { ARRANGEMENTS, type Arrangement } from '../contract/arrangements.js';
import { splitLanguages } from '../read/language-names.js';
import type { CliIO } from './io.js';
import { MAX_BLEED_MM } from '../contract/input-limits.js';

/** The flags `render` and `batch` share: how every notice of the run is made. */
export interface SessionFlags {
  lang?: string;
  arrange?: Arrangement;
  size?: PageSizeName;
  rightsUrl?: string;
  bleed?: string;
  templates: string[];
  font: string[];
  locales: string[];
  requireReviewed?: boolean;
}

export const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * An option with a fixed set of values, matched without regard to case (`--size A4` is `a4`). The choices still
 * show in --help and in shell completion (commander's argChoices).
 */
export function choiceOption(flags: string, description: string, choices: readonly string[]): Option {
  return new Option(flags, description).choices(choices).argParser((value: string) => {
    const found = choices.find((choice) => choice.toLowerCase() === value.trim().toLowerCase());
    if (found === undefined) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return found;
  });
}

export function addSessionFlags(command: Command): Command {
  return command
    .option('--lang <codes>', 'comma-separated languages, e.g. en,es')
    .addOption(choiceOption('--arrange <arrangement>', 'how languages share the paper', ARRANGEMENTS))
    .addOption(choiceOption('--size <size>', 'paper size', PAGE_SIZE_NAMES))
    .option('--bleed <mm>', `bleed for a print shop, 0 to ${MAX_BLEED_MM} mm: adds crop marks, TrimBox and BleedBox`)
    .option('--rights-url <url>', 'link for the QR code (https: or http:)')
    .option('--templates <dir>', 'a folder of extra templates (repeatable)', collect, [])
    .option('--font <file>', 'a TTF/OTF font to try first (repeatable)', collect, [])
    .option('--locales <dir>', 'a folder of locales that add to or override the built-in ones (repeatable)', collect, [])
    .option('--require-reviewed', 'refuse draft translations');
}

export function sessionOptions(template: string, flags: SessionFlags, env: CliIO['env']): SessionOptions {
  const epoch = sourceDateEpoch(env.SOURCE_DATE_EPOCH);
  return {
    template,
    templateDirs: flags.templates,
    fonts: flags.font,
    localeDirs: flags.locales,
    ...(flags.lang ? { languages: splitLanguages(flags.lang) } : {}),
    ...(flags.arrange ? { arrange: flags.arrange } : {}),
    ...(flags.size ? { size: flags.size } : {}),
    ...(flags.rightsUrl !== undefined ? { rightsUrl: flags.rightsUrl } : {}),
    ...(flags.requireReviewed ? { requireReviewed: true } : {}),
    ...(flags.bleed !== undefined ? { bleed: bleedMm(flags.bleed) } : {}),
    ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
  };
}

/** SOURCE_DATE_EPOCH, when set: whole seconds since 1970, up to the year 9999. */
function sourceDateEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 253_402_300_799) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (like 1764115200), found "${value}"`);
  }
  return Number(value);
}

/** --bleed: millimetres from 0 to MAX_BLEED_MM, as a plain decimal. */
function bleedMm(value: string): number {
  const parsed = /^\d{1,2}(\.\d{1,3})?$/.test(value.trim()) ? Number(value) : NaN;
  if (!(parsed >= 0 && parsed <= MAX_BLEED_MM)) {
    throw new UsageError(`--bleed takes millimetres from 0 to ${MAX_BLEED_MM}, like --bleed 3; found "${value}"`);
  }
  return parsed;
}
