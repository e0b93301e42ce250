import { TemplateError, UsageError } from '../errors.js';
import type { PageSizeName } from '../contract/page-sizes.js';
import type { TemplateManifest } from '../templates/manifest.js';
import type { Packet } from '../templates/packet.js';

/**
 * The one paper size of a packet's file: --size, else the packet's own
 * `size`, else letter, else the first size every notice supports. A notice
 * that cannot print on it stops the run before any work, naming the notice
 * and the sizes the whole packet can use: a file that mixes paper sizes
 * prints wrong on every printer that takes it in one job.
 */
export function packetSize(packet: Packet, manifests: readonly TemplateManifest[], runSize?: PageSizeName): PageSizeName {
  const common = manifests.reduce<string[]>(
    (sizes, manifest) => sizes.filter((size) => manifest.sizes.includes(size)),
    [...manifests[0]!.sizes],
  );
  const chosen = runSize ?? packet.size;
  if (chosen === undefined) {
    const size = common.includes('letter') ? 'letter' : common[0];
    if (size === undefined)
      throw new TemplateError(`${packet.file}: no paper size suits every notice of packet ${packet.id} (${list(manifests)})`);
    return size as PageSizeName;
  }
  const cannot = manifests.filter((manifest) => !manifest.sizes.includes(chosen));
  if (cannot.length === 0) return chosen as PageSizeName;
  const names = [...new Set(cannot.map((manifest) => `${manifest.id} (${manifest.title}) prints on ${manifest.sizes.join(', ')}`))];
  const where = runSize ? `--size ${chosen}` : `size ${chosen} (set in ${packet.file})`;
  const message =
    `packet ${packet.id} prints every notice on one paper size, and ${where} does not suit ${names.join('; ')}. ` +
    (common.length > 0 ? `Sizes every notice of it prints on: ${common.join(', ')}` : 'No size suits every notice of it');
  if (runSize) throw new UsageError(message);
  throw new TemplateError(message);
}

function list(manifests: readonly TemplateManifest[]): string {
  return manifests.map((manifest) => `${manifest.id}: ${manifest.sizes.join(', ')}`).join('; ');
}
