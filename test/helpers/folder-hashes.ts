import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sha256 of every file in a folder, by name, sorted; `keep` leaves out what a comparison must ignore (journals, locks). */
export function folderHashes(dir: string, keep: (name: string) => boolean = () => true): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter(keep)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex'),
      ]),
  );
}
