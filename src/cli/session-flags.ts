import { InvalidArgumentError, Option, type Command } from 'commander';
import { PAGE_SIZE_NAMES } from '../contract/page-sizes.js';
import { ARRANGEMENTS } from '../contract/arrangements.js';
import { MAX_BLEED_MM } from '../contract/input-limits.js';

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

// The flags become session options in src/session/session-options.ts, where the web form's fields go too.
export { sessionOptions, type SessionFlags } from '../session/session-options.js';
