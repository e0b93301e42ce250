import { drawParts } from '../draw/draw-pdf.js';
import { InputError, TemplateError, UsageError } from '../errors.js';
import { fontSet } from '../fonts/font-chain.js';
import type { LaidPage } from '../layout/items.js';
import type { PageSizeName } from '../layout/page-sizes.js';
import { PLACARD_VERSION } from '../paths.js';
import { layoutRecord, type LaidNotice } from '../pipeline.js';
import type { RawRecord } from '../read/business-file.js';
import type { SessionOptions, Warning } from '../request.js';
import { localeCatalog } from '../strings/locale-catalog.js';
import { translator } from '../strings/translator.js';
import { loadTemplate } from '../templates/catalog.js';
import type { FieldSpec, TemplateManifest } from '../templates/manifest.js';
import { loadPacket, type Packet, type PacketEntry } from '../templates/packet.js';
import { knownLanguages } from '../read/language-names.js';
import { validateBusiness } from '../validate/business.js';
import { noticeDate } from '../validate/notice-plan.js';
import type { Renderer } from './prepare.js';
import { prepareSession, withRender } from './prepare-session.js';
import type { Session } from './session.js';

interface Part {
  readonly pages: readonly LaidPage[];
  readonly bookmark: string;
}

/**
 * A packet's renderer: the same shape as one template's, so `render`, `batch`
 * and the batch workers need not know the difference. Each business becomes
 * one PDF holding every notice of the packet in order (copies repeated), with
 * one bookmark per notice and one set of embedded fonts.
 */
export function preparePacket(options: SessionOptions): Renderer {
  const packet = loadPacket(options.template, options.templateDirs);
  const locales = localeCatalog(options.localeDirs ?? []);
  const shared = { locales, translate: translator(locales), fonts: fontSet(options.fonts) };
  checkRunFlagsFit(packet, options);
  const sessions = packet.templates.map((entry) => ({ entry, session: prepareSession(entryOptions(options, entry), shared) }));
  const union = unionManifest(
    packet,
    sessions.map(({ session }) => session.template.manifest),
  );
  const date = new Date(Math.max(...sessions.map(({ session }) => noticeDate(options, session.template).getTime())));
  const known = knownLanguages(locales);

  const layoutParts = (record: RawRecord): { parts: Part[]; laid: LaidNotice[] } => {
    // Every problem with the record at once, against the union of the templates' fields.
    const validation = validateBusiness(record, union, known);
    if (!validation.ok) throw new InputError(validation.problems);
    const laid = sessions.map(({ session }) => layoutRecord(session, record));
    const parts = sessions.flatMap(({ entry, session }, index) =>
      Array.from({ length: entry.copies }, (_, copy) => ({
        pages: laid[index]!.pages,
        bookmark:
          entry.copies > 1 ? `${session.template.manifest.title} (${copy + 1} of ${entry.copies})` : session.template.manifest.title,
      })),
    );
    return { parts, laid };
  };

  return withRender({
    id: packet.id,
    title: packet.title,
    options,
    fields: union.fields,
    date,
    inputs: [packet.file, ...sessions.flatMap(({ session }) => templateInputs(session)), ...(options.fonts ?? [])],
    layout: (record) => {
      const { parts, laid } = layoutParts(record);
      return { pages: parts.flatMap((part) => part.pages), warnings: warningsOf(laid) };
    },
    make: async (record) => {
      const { parts, laid } = layoutParts(record);
      const first = laid[0]!;
      const pdf = await drawParts(parts, {
        title: `${packet.title}: ${first.plan.business.name}`,
        lang: first.lang,
        author: first.plan.business.name,
        subject: packet.title,
        date,
        producer: `placard ${PLACARD_VERSION}`,
      });
      const pages = parts.flatMap((part) => part.pages);
      return {
        pdf,
        warnings: warningsOf(laid),
        pageCount: pages.length,
        languages: first.plan.languages.map((language) => language.code),
        pages,
      };
    },
  });
}

/**
 * An entry's options: its own arrangement and size when the packet fixes
 * them; otherwise the run's --arrange and --size where its template supports
 * them (a card sheet has no columns), else the template's defaults.
 */
function entryOptions(options: SessionOptions, entry: PacketEntry): SessionOptions {
  const { manifest } = loadTemplate(entry.template, options.templateDirs);
  const { arrange: runArrange, size: runSize, ...rest } = options;
  const arrange = entry.arrange ?? (runArrange && manifest.arrangements.includes(runArrange) ? runArrange : undefined);
  const size = (entry.size ?? (runSize && manifest.sizes.includes(runSize) ? runSize : undefined)) as PageSizeName | undefined;
  return { ...rest, template: entry.template, ...(arrange ? { arrange } : {}), ...(size ? { size } : {}) };
}

/** A --size or --arrange that no notice of the packet can use is a usage error, not silently ignored. */
function checkRunFlagsFit(packet: Packet, options: SessionOptions): void {
  const manifests = packet.templates.map((entry) => loadTemplate(entry.template, options.templateDirs).manifest);
  if (options.size && !manifests.some((manifest) => manifest.sizes.includes(options.size!))) {
    throw new UsageError(`no template of packet ${packet.id} supports --size ${options.size}; ${supported(manifests, 'sizes')}`);
  }
  if (options.arrange && !manifests.some((manifest) => manifest.arrangements.includes(options.arrange!))) {
    throw new UsageError(
      `no template of packet ${packet.id} supports --arrange ${options.arrange}; ${supported(manifests, 'arrangements')}`,
    );
  }
}

function supported(manifests: readonly TemplateManifest[], key: 'sizes' | 'arrangements'): string {
  return `they support ${[...new Set(manifests.flatMap((manifest) => manifest[key]))].join(', ')}`;
}

/**
 * The packet's fields: every field any of its templates uses, required when
 * any requires it, with the tightest length limits, so one check of the
 * record covers every notice. Templates that disagree on a field's type
 * cannot share a packet.
 */
export function unionManifest(packet: Pick<Packet, 'id' | 'title' | 'file'>, manifests: readonly TemplateManifest[]): TemplateManifest {
  const fields: Record<string, FieldSpec> = {};
  for (const manifest of manifests) {
    for (const [name, spec] of Object.entries(manifest.fields)) {
      const seen = fields[name];
      if (!seen) {
        fields[name] = spec;
        continue;
      }
      if (seen.type !== spec.type) {
        throw new TemplateError(
          `${packet.file}: field ${name} is ${seen.type} in one template and ${spec.type} in ${manifest.id}; a packet's templates must agree`,
        );
      }
      const maxItems = [seen.max_items, spec.max_items].filter((value): value is number => value !== undefined);
      fields[name] = {
        type: spec.type,
        required: seen.required || spec.required,
        max: Math.min(seen.max, spec.max),
        ...(maxItems.length > 0 ? { max_items: Math.min(...maxItems) } : {}),
      };
    }
  }
  return { ...manifests[0]!, id: packet.id, title: packet.title, fields };
}

function templateInputs(session: Session): string[] {
  return [`${session.template.dir}/template.hbs`, `${session.template.dir}/template.yaml`];
}

/** Each warning once, though several notices of the packet met it. */
function warningsOf(laid: readonly LaidNotice[]): Warning[] {
  const seen = new Map<string, Warning>();
  for (const notice of laid) for (const warning of notice.plan.warnings) if (!seen.has(warning.message)) seen.set(warning.message, warning);
  return [...seen.values()];
}
