import { unionManifest } from '../session/prepare-packet.js';
import { locales } from '../strings/locale-catalog.js';
import { LOCALIZED_FIELDS } from '../contract/business-fields.js';
import { findTemplates, loadTemplate } from '../templates/catalog.js';
import type { FieldSpec, TemplateManifest } from '../templates/manifest.js';
import { findPackets, loadPacket } from '../templates/packet.js';
import { CONTRACT_FIELDS } from '../contract/business-fields.js';

/** A notice the form offers: a template or a packet, as its manifest describes it. */
export interface NoticeEntry {
  readonly id: string;
  readonly kind: 'template' | 'packet';
  readonly title: string;
  readonly description: string;
  /** Who posts it: "home" for a home notice, else "business" (template.yaml `audience`, absent = business). */
  readonly audience: string;
  readonly sizes: readonly string[];
  readonly arrangements: readonly string[];
  /** The fields it prints (a packet: every field any of its notices prints), with their limits from the one schema. */
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

export type NoticeCatalog = ReadonlyMap<string, NoticeEntry>;

/** What a manifest says about its audience; the schema may not carry it yet, so it is read without trusting its type. */
function audienceOf(manifest: object): string {
  const audience = (manifest as { audience?: unknown }).audience;
  return audience === 'home' ? 'home' : 'business';
}

/** Every notice this install can print: templates first, then the packets whose templates all exist. */
export function noticeCatalog(): NoticeCatalog {
  const entries = new Map<string, NoticeEntry>();
  for (const id of [...findTemplates().keys()].sort()) {
    const { manifest } = loadTemplate(id);
    entries.set(id, { ...describe(manifest), id, kind: 'template', audience: audienceOf(manifest) });
  }
  for (const id of [...findPackets().keys()].sort()) {
    let packet;
    try {
      packet = loadPacket(id);
    } catch {
      continue; // a packet naming a template this install lacks is not offered
    }
    const manifests = packet.templates.map((entry) => loadTemplate(entry.template).manifest);
    const union = unionManifest(packet, manifests);
    entries.set(id, {
      ...describe(union),
      id,
      kind: 'packet',
      title: packet.title,
      description: packet.description,
      audience: audienceOf(packet),
      sizes: [...new Set(manifests.flatMap((manifest) => manifest.sizes))],
      arrangements: [...new Set(manifests.flatMap((manifest) => manifest.arrangements))],
    });
  }
  return entries;
}

function describe(manifest: TemplateManifest): Omit<NoticeEntry, 'id' | 'kind' | 'audience'> {
  return {
    title: manifest.title,
    description: manifest.description,
    sizes: manifest.sizes,
    arrangements: manifest.arrangements,
    fields: orderedFields(manifest.fields),
  };
}

/** The notice's fields in the schema's order (the order the CLI documents), each with its limits. */
function orderedFields(declared: Readonly<Record<string, FieldSpec>>): Record<string, FieldSpec> {
  const names = [
    ...Object.keys(CONTRACT_FIELDS).filter((name) => name in declared),
    ...Object.keys(declared).filter((name) => !(name in CONTRACT_FIELDS)),
  ];
  return Object.fromEntries(names.map((name) => [name, declared[name]!]));
}

/** The catalog as the page reads it: notices, languages (with their own names and review status) and which fields take a value per language. */
export function catalogJson(catalog: NoticeCatalog): unknown {
  return {
    notices: [...catalog.values()],
    languages: [...locales().values()].map(({ code, meta }) => ({
      code,
      name: meta.name,
      english_name: meta.english_name,
      status: meta.status,
      dir: meta.dir,
    })),
    localized: LOCALIZED_FIELDS,
  };
}
