import YAML from 'yaml';
import type { Audience } from '../templates/manifest.js';

export interface InitFile {
  readonly audience: Audience;
  /** The record as the file will hold it: only the fields answered. */
  readonly business: Readonly<Record<string, string | readonly string[]>>;
  readonly languages: readonly string[];
  /** The command that prints it again, as the closing hint shows it. */
  readonly printAgain: string;
}

/**
 * The file init writes, made to survive hand editing. Every text value is
 * written in double quotes, even where YAML would not need them: a person
 * who adds "#4" to a street or ": Groceries" to a name inside quotes keeps
 * it, where the same edit to an unquoted value would be cut off as a comment
 * or refused (a ZIP code such as 02139, or a value such as "yes", stays text
 * too). Lists are YAML lists, one entry a line. The comment on top says how
 * to write each kind of value.
 */
export function initYaml(file: InitFile): string {
  const doc = new YAML.Document({ ...file.business, languages: [...file.languages] });
  doc.commentBefore = header(file).join('\n');
  return doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}

function header(file: InitFile): string[] {
  const what = file.audience === 'home' ? 'Your home notice' : 'Your business';
  const list =
    file.audience === 'home'
      ? ['#   languages:', '#     - "en"', '#     - "so"']
      : ['#   private_areas:', '#     - "Kitchen"', '#     - "Office"'];
  return [
    ` ${what}, for placard. Edit it with any text editor, then print it again with:`,
    `   ${file.printAgain}`,
    '',
    ' How to write values:',
    ' - Text goes in double quotes, as below. Inside the quotes, # and : are safe:',
    file.audience === 'home' ? '     household_line: "Apartment 4B #2: rear door"' : '     street: "2200 Riverside Ave #4"',
    '   Write numbers that are really text (ZIP codes, phone numbers) in quotes too: "02139".',
    '   To put a double quote inside, write \\" (a backslash, then the quote).',
    ' - A list has one entry a line, each starting with "- ":',
    ...list.map((line) => line.slice(1)),
    ' - languages are codes (en, es, so, zh-Hans…); "placard locales list" shows them all.',
    ' - To leave a field out, delete its line. Lines starting with # are notes, not read.',
    " - Every field name is in the README (placard templates show <notice> lists a notice's fields).",
  ];
}
