import { InputError, UsageError } from '../errors.js';
import type { PageSizeName } from '../contract/page-sizes.js';
import type { RawRecord } from '../contract/record.js';
import type { SessionOptions, Warning } from '../contract/public-api.js';
import { checkLink, RIGHTS_LINKS } from '../contract/rights-links.js';
import { knownLanguages, matchLanguageWord, readLanguages, type KnownLanguage, type KnownLanguages } from '../read/language-names.js';
import type { LocaleMeta } from '../strings/locale-meta.js';
import type { Template } from '../templates/catalog.js';
import type { Arrangement } from '../templates/manifest.js';
import { validateBusiness, type Business } from './business.js';

export interface NoticeLanguage {
  readonly code: string;
  readonly dir: 'ltr' | 'rtl';
  readonly name: string;
  readonly status: 'draft' | 'reviewed';
}

/** A request checked against the template, the locales and the data: ready to fill. */
export interface NoticePlan {
  readonly template: Template;
  readonly business: Business;
  readonly languages: readonly NoticeLanguage[];
  readonly arrange: Arrangement;
  readonly size: PageSizeName;
  readonly rightsUrl: string;
  readonly date: Date;
  readonly warnings: readonly Warning[];
}

/**
 * What planNotice works out the same way for every notice of a session: the
 * known languages of its locales, and the --lang words read into tags. A
 * session holds one (planCaches); none is shared between sessions.
 */
export interface PlanCaches {
  known?: readonly KnownLanguage[];
  /** --lang words (joined by NUL) → the tags they name. */
  readonly requested: Map<string, readonly string[]>;
}

export function planCaches(): PlanCaches {
  return { requested: new Map() };
}

/**
 * Options that hold for the whole run, checked once: unknown languages, sizes
 * and arrangements are usage errors (exit 2); a bad --rights-url is an input error (exit 1).
 */
export function checkRunOptions(
  request: SessionOptions,
  template: Template,
  locales: ReadonlyMap<string, { readonly meta: LocaleMeta }>,
): void {
  const known = [...locales.keys()].sort();
  if (request.languages?.length === 0)
    throw new UsageError(`--lang needs at least one language, like --lang en,es; known languages: ${known.join(', ')}`);
  for (const word of request.languages ?? []) {
    const found = matchLanguageWord(word, knownLanguages(locales));
    if ('problem' in found) throw new UsageError(`--lang: ${found.problem}; known languages: ${known.join(', ')}`);
  }
  const { manifest } = template;
  if (request.size && !manifest.sizes.includes(request.size)) {
    throw new UsageError(`template ${manifest.id} does not support --size ${request.size}; it supports ${manifest.sizes.join(', ')}`);
  }
  if (request.arrange && !manifest.arrangements.includes(request.arrange)) {
    throw new UsageError(
      `template ${manifest.id} does not support --arrange ${request.arrange}; it supports ${manifest.arrangements.join(', ')}`,
    );
  }
  if (request.rightsUrl !== undefined) {
    const checked = checkLink(request.rightsUrl);
    if (!checked.ok) throw new InputError([{ field: 'rights_url', value: request.rightsUrl, message: `(--rights-url) ${checked.reason}` }]);
  }
}

/**
 * Validates one business record (unless the caller already has: `checked`)
 * and settles languages, arrangement, size, link and date. The run's
 * options were checked once, by checkRunOptions.
 */
export function planNotice(
  raw: RawRecord,
  request: SessionOptions,
  template: Template,
  locales: ReadonlyMap<string, { readonly meta: LocaleMeta }>,
  checked?: Business,
  caches?: PlanCaches,
): NoticePlan {
  const known = caches ? (caches.known ??= knownLanguages(locales)) : knownLanguages(locales);
  const business = checked ?? validated(raw, template, known);
  const rightsUrl = request.rightsUrl ?? business.rights_url ?? RIGHTS_LINKS[template.manifest.rights_link];
  const codes = request.languages ? requestedCodes(request.languages, known, caches) : (business.languages ?? ['en']);
  const languages = codes.map((code): NoticeLanguage => {
    const meta = locales.get(code)!.meta;
    return { code, dir: meta.dir, name: meta.name, status: meta.status };
  });
  const drafts = languages.filter((language) => language.status === 'draft');
  if (drafts.length > 0 && request.requireReviewed) {
    throw new InputError(
      drafts.map((language) => ({
        field: 'languages',
        value: language.code,
        message: 'this translation is a draft and --require-reviewed is set',
      })),
    );
  }
  const arrange = request.arrange ?? defaultArrangement(template, languages.length);
  if (arrange === 'duplex' && languages.length > 2) {
    throw new InputError([
      {
        field: 'languages',
        value: codes.join(','),
        message: `--arrange duplex prints two languages, the first on the front and the second on the back; found ${languages.length}. Use two languages, or --arrange pages for one sheet per language`,
      },
    ]);
  }
  return {
    template,
    business,
    languages,
    arrange,
    size: request.size ?? ((template.manifest.sizes.includes('letter') ? 'letter' : template.manifest.sizes[0]!) as PageSizeName),
    rightsUrl,
    date: noticeDate(request, template),
    warnings: drafts.map((language) => ({
      lang: language.code,
      message: `the ${language.code} (${language.name}) translation is a draft, not yet reviewed by a fluent speaker`,
    })),
  };
}

/** The --lang words read into tags (checkRunOptions has checked them): once per session when it keeps caches. */
function requestedCodes(words: readonly string[], known: KnownLanguages, caches: PlanCaches | undefined): readonly string[] {
  if (!caches) return readLanguages(words, known).codes;
  const key = words.join('\u0000');
  let codes = caches.requested.get(key);
  if (!codes) {
    codes = readLanguages(words, known).codes;
    caches.requested.set(key, codes);
  }
  return codes;
}

function validated(raw: RawRecord, template: Template, known: KnownLanguages): Business {
  const validation = validateBusiness(raw, template.manifest, known);
  if (!validation.ok) throw new InputError(validation.problems);
  return validation.business;
}

export function defaultArrangement(template: Template, count: number): Arrangement {
  const { arrangements, columns_from } = template.manifest;
  if (count >= columns_from && arrangements.includes('columns')) return 'columns';
  return arrangements[0]!;
}

/** The PDF's date: SOURCE_DATE_EPOCH when given, else the template's wording date, so the same input gives the same bytes. */
export function noticeDate(options: SessionOptions, template: Template): Date {
  return options.sourceDateEpoch !== undefined
    ? new Date(options.sourceDateEpoch * 1000)
    : new Date(`${template.manifest.version}T00:00:00Z`);
}
