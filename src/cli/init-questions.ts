import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { unionManifest } from '../session/prepare-packet.js';
import type { Locale } from '../strings/locale-catalog.js';
import { findTemplates, loadTemplate } from '../templates/catalog.js';
import type { FieldSpec } from '../templates/manifest.js';
import { findPackets, loadPacket } from '../templates/packet.js';
import { fieldSchema } from '../validate/business.js';

/** Where the prompts read and write (a terminal, or scripted streams in tests). */
export type Context = NonNullable<Parameters<typeof input>[1]>;
/** A fresh context for each prompt: a prompt ends the output stream it was given when it is done. */
export type Contexts = () => Context;

export interface InitAnswers {
  /** The business record as business.yaml will hold it: only the fields answered. */
  readonly business: Readonly<Record<string, string | readonly string[]>>;
  readonly languages: readonly string[];
  /** A template or packet id. */
  readonly notice: string;
}

/** The business questions, in the order asked: plain words for someone new to this. */
const QUESTIONS: readonly { field: string; message: string; required?: boolean }[] = [
  { field: 'name', message: 'What is the name of your business?', required: true },
  { field: 'street', message: 'Street address (press Enter to skip):' },
  { field: 'city', message: 'City (press Enter to skip):' },
  { field: 'region', message: 'State or region (press Enter to skip):' },
  { field: 'postal_code', message: 'Postal code (press Enter to skip):' },
  { field: 'phone', message: 'Phone number (press Enter to skip):' },
  { field: 'contact_name', message: 'Who should visitors ask for? Their name (press Enter to skip):' },
  { field: 'contact_role', message: 'Their role, for example Owner or Manager (press Enter to skip):' },
  {
    field: 'private_areas',
    message: 'Which areas are private? Separate them with ";" or ",", for example: Kitchen; Office; Storage room (press Enter to skip):',
  },
];

/** Asks everything `placard init` needs; the answers are checked as they are typed. */
export async function askInit(context: Contexts, catalog: ReadonlyMap<string, Locale>): Promise<InitAnswers> {
  const specs = fieldSpecs();
  const business: Record<string, string | readonly string[]> = {};
  for (const question of QUESTIONS) {
    const spec = specs[question.field]!;
    const answer = (
      await input({ message: question.message, validate: (value) => checkAnswer(value, spec, question.required ?? false) }, context())
    ).trim();
    if (answer === '') continue;
    business[question.field] = spec.type === 'list' ? splitList(answer) : answer;
  }
  const languages = await checkbox(
    {
      message: 'Which languages should the notice speak? (arrow keys to move, space to choose, Enter when done)',
      choices: languageChoices(catalog).map((choice) => ({ ...choice, checked: choice.value === 'en' })),
      validate: (chosen) => (chosen.length > 0 ? true : 'Choose at least one language with the space bar.'),
      pageSize: 10,
    },
    context(),
  );
  const notice = await select({ message: 'Which notice should placard print?', choices: noticeChoices(), pageSize: 10 }, context());
  return { business, languages, notice };
}

export function askReplace(context: Contexts, file: string): Promise<boolean> {
  return confirm({ message: `${file} is already here. Replace it with new answers?`, default: false }, context());
}

/** Each language by its own name, with the English name beside it; English first. */
export function languageChoices(catalog: ReadonlyMap<string, Locale>): { name: string; value: string }[] {
  return [...catalog.entries()]
    .map(([code, { meta }]) => ({
      name: meta.name === meta.english_name ? meta.name : `${meta.name} (${meta.english_name})`,
      value: code,
      sort: code === 'en' ? '' : meta.english_name,
    }))
    .sort((a, b) => a.sort.localeCompare(b.sort, 'en'))
    .map(({ name, value }) => ({ name, value }));
}

/** The notices placard can print right now: templates, then packets whose templates all exist. */
export function noticeChoices(): { name: string; value: string; description: string }[] {
  const templates = [...findTemplates().keys()].sort().map((id) => {
    const { manifest } = loadTemplate(id);
    return { name: manifest.title, value: id, description: manifest.description };
  });
  const packets = [...findPackets().keys()].sort().flatMap((id) => {
    try {
      const packet = loadPacket(id);
      return [{ name: `${packet.title} (several notices in one PDF)`, value: id, description: packet.description }];
    } catch {
      return []; // a packet naming a template this install lacks is not offered
    }
  });
  const first = templates.findIndex((choice) => choice.value === 'private-areas');
  if (first > 0) templates.unshift(...templates.splice(first, 1));
  return [...templates, ...packets];
}

/** The strictest limits any built-in template sets for each business field. */
function fieldSpecs(): Record<string, FieldSpec> {
  const manifests = [...findTemplates().keys()].map((id) => loadTemplate(id).manifest);
  return unionManifest({ id: 'init', title: 'init', file: 'templates' }, manifests).fields;
}

function checkAnswer(value: string, spec: FieldSpec | undefined, required: boolean): true | string {
  const text = value.trim();
  if (text === '') return required ? 'This one is needed: type it, then press Enter.' : true;
  if (!spec) return true;
  const parsed = fieldSchema(spec).safeParse(spec.type === 'list' ? splitList(text) : text);
  return parsed.success ? true : `Please change this: ${parsed.error.issues[0]!.message}.`;
}

function splitList(text: string): string[] {
  return text
    .split(text.includes(';') ? ';' : ',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
