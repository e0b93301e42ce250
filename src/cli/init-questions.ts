import { confirm, input, select } from '@inquirer/prompts';
import type { PageSizeName } from '../contract/page-sizes.js';
import { unionManifest } from '../session/prepare-packet.js';
import type { Locale } from '../strings/locale-catalog.js';
import { findTemplates, loadTemplate } from '../templates/catalog.js';
import type { Audience, FieldSpec } from '../templates/manifest.js';
import { findPackets, loadPacket } from '../templates/packet.js';
import { fieldSchema } from '../validate/business.js';
import { askLanguages } from './init-languages.js';
import { PAPER_CHOICES, systemPaper } from './init-paper.js';
import type { Contexts } from './prompt-context.js';

export interface InitAnswers {
  readonly audience: Audience;
  /** The record as the file will hold it: only the fields answered. */
  readonly business: Readonly<Record<string, string | readonly string[]>>;
  readonly languages: readonly string[];
  /** A template or packet id. */
  readonly notice: string;
  readonly size: PageSizeName;
}

interface Question {
  readonly field: string;
  readonly message: string;
  readonly required?: boolean;
}

/** The questions, in the order asked, for each kind of notice: plain words for someone new to this. */
const QUESTIONS: Readonly<Record<Audience, readonly Question[]>> = {
  business: [
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
      message:
        'Areas customers cannot enter and that you keep closed, for example: Kitchen; Office; Storage room ' +
        '(separate them with ";" or ","; not a parking lot or anything else open to the public; press Enter to skip):',
    },
  ],
  home: [
    {
      field: 'household_line',
      message: 'A line for the top of the notice, such as "Apartment 4B"? Never your names (press Enter to skip):',
    },
  ],
};

/** Asks everything `placard init` needs once it knows who the notice is for; the answers are checked as they are typed. */
export async function askInit(
  context: Contexts,
  catalog: ReadonlyMap<string, Locale>,
  audience: Audience,
  env: Readonly<Record<string, string | undefined>>,
): Promise<InitAnswers> {
  const specs = fieldSpecs();
  const business: Record<string, string | readonly string[]> = {};
  for (const question of QUESTIONS[audience]) {
    const spec = specs[question.field]!;
    const answer = (
      await input({ message: question.message, validate: (value) => checkAnswer(value, spec, question.required ?? false) }, context())
    ).trim();
    if (answer === '') continue;
    business[question.field] = spec.type === 'list' ? splitList(answer) : answer;
  }
  const languages = await askLanguages(context, catalog);
  const notices = noticeChoices(audience);
  const notice =
    notices.length === 1
      ? notices[0]!.value
      : await select({ message: 'Which notice should placard print?', choices: notices, pageSize: 10 }, context());
  const size = await askPaper(context, notices.find((choice) => choice.value === notice)!.sizes, systemPaper(env));
  return { audience, business, languages, notice, size };
}

/** "A business or a home?": asked first, so that only the questions and notices that fit follow. */
export function askAudience(context: Contexts): Promise<Audience> {
  return select<Audience>(
    {
      message: 'Is the notice for a business or for a home?',
      choices: [
        { name: 'A business (a shop, a restaurant, an office…)', value: 'business' },
        { name: 'A home (a house or an apartment)', value: 'home' },
      ],
    },
    context(),
  );
}

export function askReplace(context: Contexts, file: string): Promise<boolean> {
  return confirm({ message: `${file} is already here. Replace it with new answers?`, default: false }, context());
}

/** The paper, among those the notice prints on; the system's usual paper first in the cursor's place. */
async function askPaper(context: Contexts, sizes: readonly string[], usual: PageSizeName): Promise<PageSizeName> {
  const choices = PAPER_CHOICES.filter((choice) => sizes.includes(choice.value));
  if (choices.length <= 1) return choices[0]?.value ?? usual;
  const initial = choices.some((choice) => choice.value === usual) ? usual : choices[0]!.value;
  return select({ message: 'Which paper will you print on?', choices, default: initial, pageSize: 10 }, context());
}

export interface NoticeChoice {
  readonly name: string;
  readonly value: string;
  readonly description: string;
  /** The paper it prints on (for a packet, any of its notices). */
  readonly sizes: readonly string[];
}

/** The notices placard can print right now for this audience: templates, then packets whose templates all exist. */
export function noticeChoices(audience: Audience = 'business'): NoticeChoice[] {
  const forAudience = (value: Audience | undefined): boolean => (value ?? 'business') === audience;
  const templates = [...findTemplates().keys()].sort().flatMap((id) => {
    const { manifest } = loadTemplate(id);
    if (!forAudience(manifest.audience)) return [];
    return [{ name: manifest.title, value: id, description: manifest.description, sizes: manifest.sizes }];
  });
  const packets = [...findPackets().keys()].sort().flatMap((id) => {
    try {
      const packet = loadPacket(id);
      if (!forAudience(packet.audience)) return [];
      const sizes = [...new Set(packet.templates.flatMap((entry) => loadTemplate(entry.template).manifest.sizes))];
      return [{ name: `${packet.title} (several notices in one PDF)`, value: id, description: packet.description, sizes }];
    } catch {
      return []; // a packet naming a template this install lacks is not offered
    }
  });
  const first = templates.findIndex((choice) => choice.value === (audience === 'home' ? 'home' : 'private-areas'));
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
