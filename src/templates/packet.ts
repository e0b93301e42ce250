import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TemplateError, UsageError } from '../errors.js';
import { PAGE_SIZE_NAMES } from '../contract/page-sizes.js';
import { BUILTIN_TEMPLATES } from '../paths.js';
import { readTextFile } from '../read/text-file.js';
import { findTemplates } from './catalog.js';
import { parseTemplateYaml } from './template-yaml.js';
import { ARRANGEMENTS, AUDIENCES, label } from './manifest.js';
import { MAX_TEMPLATE_BYTES } from '../contract/input-limits.js';

const entrySchema = z
  .object({
    template: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use a template id: lower-case letters, digits and hyphens'),
    copies: z.number().int().min(1).max(20).default(1),
    /** Fixed for this entry; otherwise the run's --arrange (where the template supports it), else chosen per notice (src/session/prepare-packet-notice.ts). */
    arrange: z.enum(ARRANGEMENTS).optional(),
    /** Refused with advice: a packet prints on one paper size, set once at its top level. */
    size: z
      .never({ message: 'a packet prints on one paper size: set size once, at the top level of the packet, not per template' })
      .optional(),
  })
  .strict();

/** packets/<id>.yaml: a named bundle of notices printed into one PDF per business. */
export const packetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens'),
    title: label,
    description: label,
    /** As in template.yaml: `home` for residents; absent means a business. */
    audience: z.enum(AUDIENCES).optional(),
    /** The paper of every notice in the file, unless --size says otherwise; default letter (or the first size every notice supports). */
    size: z.enum(PAGE_SIZE_NAMES as [string, ...string[]]).optional(),
    templates: z.array(entrySchema).min(1).max(40),
  })
  .strict();

export type Packet = z.infer<typeof packetSchema> & { readonly file: string };
export type PacketEntry = Packet['templates'][number];

/** The folder of packets inside a templates folder: built-in `templates/packets/`, or `<--templates DIR>/packets/`. */
export const PACKETS_FOLDER = 'packets';

/** Packet files by id. User folders are read after the built-in one, so a user packet with the same id overrides it. */
export function findPackets(userDirs: readonly string[] = []): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of [BUILTIN_TEMPLATES, ...userDirs]) {
    const folder = join(dir, PACKETS_FOLDER);
    if (!existsSync(folder)) continue;
    for (const entry of readdirSync(folder)) {
      if (entry.endsWith('.yaml')) found.set(entry.slice(0, -'.yaml'.length), join(folder, entry));
    }
  }
  return found;
}

/**
 * Reads a packet and checks that every template it names exists, so a
 * missing one is a usage error naming it before any work starts.
 */
export function loadPacket(id: string, userDirs: readonly string[] = []): Packet {
  const file = findPackets(userDirs).get(id);
  if (!file)
    throw new UsageError(`unknown packet "${id}"; known packets: ${[...findPackets(userDirs).keys()].sort().join(', ') || 'none'}`);
  const packet = readPacket(file);
  if (packet.id !== id) throw new TemplateError(`${file}: id "${packet.id}" does not match the file name "${id}.yaml"`);
  const templates = findTemplates(userDirs);
  if (templates.has(id)) {
    throw new UsageError(`"${id}" is both a template (${templates.get(id)}) and a packet (${file}); rename one of them`);
  }
  const missing = packet.templates.map((entry) => entry.template).filter((template) => !templates.has(template));
  if (missing.length > 0) {
    throw new UsageError(
      `packet ${id} (${file}) names ${missing.length === 1 ? 'a template' : 'templates'} placard does not have: ${[...new Set(missing)].join(', ')}; ` +
        `known templates: ${[...templates.keys()].sort().join(', ')}. Add the template folder with --templates DIR, or remove it from the packet`,
    );
  }
  return packet;
}

/** Whether an id names a packet rather than a template. */
export function isPacket(id: string, userDirs: readonly string[] = []): boolean {
  return findPackets(userDirs).has(id) && !findTemplates(userDirs).has(id);
}

export function readPacket(file: string): Packet {
  let data: unknown;
  try {
    data = parseTemplateYaml(readTextFile(file, MAX_TEMPLATE_BYTES, 'packet file'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new TemplateError(`${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = packetSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`);
    throw new TemplateError(
      `${file} is not a valid packet:\n${lines.join('\n')}\n(expected id, title, description, size? and templates: a list of { template, copies?, arrange? })`,
    );
  }
  return { ...parsed.data, file };
}
