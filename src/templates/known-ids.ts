import { UsageError } from '../errors.js';
import { printable } from '../contract/text-hygiene.js';
import { closest } from '../text-distance.js';
import { findTemplates } from './catalog.js';
import { findPackets } from './packet.js';

/**
 * Whether an id names a template or a packet; an id that names neither is a usage error with a did-you-mean
 * (`privat-areas` → `private-areas`) and both lists. Every command that takes a template or packet id asks here
 * first (through prepare), so render, batch and templates show refuse a typo the same way.
 */
export function knownTemplateOrPacket(id: string, userDirs: readonly string[] = []): 'template' | 'packet' {
  const templates = [...findTemplates(userDirs).keys()].sort();
  if (templates.includes(id)) return 'template';
  const packets = [...findPackets(userDirs).keys()].sort();
  if (packets.includes(id)) return 'packet';
  const near = closest(id, [...templates, ...packets]);
  throw new UsageError(
    `unknown template or packet "${printable(id, 40)}"${near ? `; did you mean "${near}"?` : ''} ` +
      `Templates: ${templates.join(', ')}. Packets: ${packets.join(', ') || 'none'}. ("placard templates list" describes each.)`,
  );
}
