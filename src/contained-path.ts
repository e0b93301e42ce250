import { realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { UsageError } from './errors.js';

/**
 * Refuses a file or folder inside a folder placard reads (a --locales or
 * --templates folder) that is a link resolving outside that folder: a
 * stranger's locale pack could otherwise print any readable file into a PDF.
 * Links that stay inside the folder are fine. A dangling link is left to
 * the reader, which reports it missing.
 */
export function assertInside(root: string, path: string, flag: string): void {
  let real: string;
  let base: string;
  try {
    real = realpathSync(path);
    base = realpathSync(root);
  } catch {
    return;
  }
  if (real === base || real.startsWith(base.endsWith(sep) ? base : `${base}${sep}`)) return;
  throw new UsageError(
    `${path}: is a link to ${real}, outside the ${flag} folder ${root}; placard does not follow links out of a folder it reads. Copy the file in instead`,
  );
}
