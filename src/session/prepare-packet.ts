import { InputError, TemplateError, UsageError } from '../errors.js';
import type { LaidPage } from '../layout/items.js';
import type { PageSizeName } from '../contract/page-sizes.js';
import { padForDuplex } from '../impose/duplex-pages.js';
import { documentInfo, drawPages, type LaidNotice, type Session } from '../pipeline.js';
import type { RawRecord } from '../contract/record.js';
import type { SessionOptions, Warning } from '../contract/public-api.js';
import { matchLanguages } from '../strings/locale-catalog.js';
import { loadTemplate, type Template } from '../templates/catalog.js';
import type { FieldSpec, TemplateManifest } from '../templates/manifest.js';
import { loadPacket, type Packet, type PacketEntry } from '../templates/packet.js';
import { knownLanguages } from '../read/language-names.js';
import { validateBusiness } from '../validate/business.js';
import { noticeDate } from '../validate/notice-plan.js';
import { layoutPacketNotice } from './prepare-packet-notice.js';
import { packetSize } from './prepare-packet-size.js';
import { prepareSession, sessionState } from './prepare-session.js';
import { completeRenderer, type Renderer } from './renderer.js';

/**
 * A packet's renderer: the same shape as one template's, so `render`, `batch`
 * and the batch workers need not know the difference. Each business becomes
 * one PDF on one paper size holding every notice of the packet in order
 * (copies repeated), each in the arrangement that suits it
 * (prepare-packet-notice.ts), with one bookmark per notice, a blank page
 * wherever a duplex piece would otherwise start on an even page, and one
 * set of embedded fonts.
 */
export function preparePacket(options: SessionOptions): Renderer {
  const packet = loadPacket(options.template, options.templateDirs);
  const shared = sessionState(options);
  const { locales } = shared;
  // Each template read once for the whole packet (a template may appear more than once, with copies).
  const read = new Map<string, Template>();
  const templateOf = (id: string): Template => {
    let template = read.get(id);
    if (!template) {
      template = loadTemplate(id, options.templateDirs);
      read.set(id, template);
    }
    return template;
  };
  const manifests = packet.templates.map((entry) => templateOf(entry.template).manifest);
  checkRunArrangement(packet, manifests, options);
  const size = packetSize(packet, manifests, options.size);
  const sessions = packet.templates.map((entry) => {
    const template = templateOf(entry.template);
    return { entry, session: prepareSession(entryOptions(options, entry, size, template.manifest), shared, template) };
  });
  const union = unionManifest(packet, manifests);
  const date = new Date(Math.max(...sessions.map(({ session }) => noticeDate(options, session.template).getTime())));
  const known = knownLanguages(locales);

  /** Every notice's pages, unpadded: a combined file pads them for its own page count. */
  const layoutPieces = (record: RawRecord): { pages: LaidPage[]; laid: LaidNotice[] } => {
    // Every problem with the record at once, against the union of the templates' fields.
    const validation = validateBusiness(record, union, known);
    if (!validation.ok) throw new InputError(validation.problems);
    const codes = options.languages
      ? matchLanguages(
          options.languages,
          known.map((language) => language.code),
        )
      : (validation.business.languages ?? ['en']);
    const notices = sessions.map(({ session }) =>
      layoutPacketNotice(session, record, codes, session.template.manifest.title, validation.business),
    );
    const pages = sessions.flatMap(({ entry, session }, index) =>
      Array.from({ length: entry.copies }, (_, copy) =>
        notices[index]!.flatMap((piece, at) =>
          entry.copies > 1 && at === 0
            ? retitle(piece.pages, `${session.template.manifest.title} (${copy + 1} of ${entry.copies})`)
            : piece.pages,
        ),
      ).flat(),
    );
    return { pages, laid: notices.flat().map((piece) => piece.laid) };
  };

  return completeRenderer({
    dispose: () => {
      shared.caches.clear();
      shared.fontStreams.clear();
    },
    fitHints: () => shared.caches.fitHints.entries(),
    id: packet.id,
    title: packet.title,
    options,
    fields: union.fields,
    date,
    inputs: [packet.file, ...sessions.flatMap(({ session }) => templateInputs(session)), ...(options.fonts ?? [])],
    layout: (record) => {
      const { pages, laid } = layoutPieces(record);
      return { pages, warnings: warningsOf(laid) };
    },
    renderWithPages: async (record) => {
      const { pages, laid } = layoutPieces(record);
      const first = laid[0]!;
      const printed = padForDuplex(pages);
      const pdf = await drawPages(
        printed,
        documentInfo({
          title: `${packet.title}: ${first.plan.business.name}`,
          lang: first.lang,
          author: first.plan.business.name,
          subject: packet.title,
          date,
        }),
        shared.fontStreams,
      );
      return {
        pdf,
        warnings: warningsOf(laid),
        pageCount: printed.length,
        languages: first.plan.languages.map((language) => language.code),
        pages,
      };
    },
  });
}

/**
 * An entry's options: the packet's one paper size, and its own arrangement
 * when the packet fixes it; otherwise the run's --arrange where its template
 * supports it (a card sheet has no columns), else none, so that the notice
 * picks its own.
 */
function entryOptions(options: SessionOptions, entry: PacketEntry, size: PageSizeName, manifest: TemplateManifest): SessionOptions {
  const { arrange: runArrange, size: _runSize, ...rest } = options;
  const arrange = entry.arrange ?? (runArrange && manifest.arrangements.includes(runArrange) ? runArrange : undefined);
  return { ...rest, template: entry.template, size, ...(arrange ? { arrange } : {}) };
}

/** An --arrange that no notice of the packet can use is a usage error, not silently ignored. */
function checkRunArrangement(packet: Packet, manifests: readonly TemplateManifest[], options: SessionOptions): void {
  if (options.arrange && !manifests.some((manifest) => manifest.arrangements.includes(options.arrange!))) {
    const supported = [...new Set(manifests.flatMap((manifest) => manifest.arrangements))].join(', ');
    throw new UsageError(`no template of packet ${packet.id} supports --arrange ${options.arrange}; they support ${supported}`);
  }
}

/** The same pages with another bookmark on the first (a numbered copy). */
function retitle(pages: readonly LaidPage[], bookmark: string): LaidPage[] {
  const [first, ...rest] = pages;
  return first ? [{ ...first, bookmark }, ...rest] : [];
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
