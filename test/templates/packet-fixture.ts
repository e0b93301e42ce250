import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTemplates } from '../../src/templates/catalog.js';
import { tempDir } from '../cli/run-placard.js';

/**
 * A user templates folder with a second door template (`back-door`: a copy
 * of private-areas that requires contact_name, at most 30 characters) and
 * packets made of templates that exist on every branch.
 */
export function packetFolder(): string {
  const dir = tempDir();
  const back = join(dir, 'back-door');
  cpSync(findTemplates().get('private-areas')!, back, { recursive: true });
  const manifest = readFileSync(join(back, 'template.yaml'), 'utf8')
    .replace('id: private-areas', 'id: back-door')
    .replace(/title: .*/, 'title: Back door notice')
    .replace(/contact_name: \{[^}]*\}/, 'contact_name: { type: text, required: true, max: 30 }');
  writeFileSync(join(back, 'template.yaml'), manifest);
  mkdirSync(join(dir, 'packets'));
  writePacket(dir, 'two-doors', ['  - template: private-areas', '    copies: 2', '  - template: back-door', '    arrange: pages']);
  return dir;
}

export function writePacket(dir: string, id: string, entries: readonly string[], extra = ''): string {
  const file = join(dir, 'packets', `${id}.yaml`);
  writeFileSync(file, `id: ${id}\ntitle: Two doors\ndescription: A test packet.\n${extra}templates:\n${entries.join('\n')}\n`);
  return file;
}
