import { join, resolve } from 'node:path';
import { checkFolder, existingTarget, identities, lstatOrUndefined, newTarget, type Identity, type OutputTarget } from './safe-output.js';

/**
 * A folder a run writes many files into by name (a batch's row PDFs), checked as `checkOutput` with `replaceLinks`
 * checks each file, but what holds for the whole run only once: that the folder exists and is a folder, and which
 * files the inputs are (by device and inode). Each file then costs one lstat of its own name, which still finds
 * what must not be replaced there (a folder, a read-only file, an input) and the permission bits to keep. A link
 * planted at a name is still replaced, never followed: the file is written to a new temporary file and renamed
 * over the name (`writeOutput`).
 */
export class OutputFolder {
  private readonly path: string;
  private folderChecked = false;
  private inputIds: readonly Identity[] | undefined;

  constructor(
    private readonly dir: string,
    private readonly options: { readonly inputs?: readonly string[]; readonly tempTag?: string } = {},
  ) {
    this.path = resolve(dir);
  }

  /** Where the file `name` (a plain file name) in this folder is written; refuses what `checkOutput` refuses. */
  target(name: string): OutputTarget {
    const given = join(this.dir, name);
    const path = join(this.path, name);
    const found = lstatOrUndefined(path);
    if (!found || found.isSymbolicLink()) {
      // Checked again after a failure, so a message names the folder as `checkOutput`'s would.
      if (!this.folderChecked) checkFolder(this.path, given);
      this.folderChecked = true;
      return newTarget(given, path, this.options.tempTag);
    }
    this.inputIds ??= identities(this.options.inputs ?? []);
    return existingTarget(given, path, found, this.inputIds, this.options);
  }
}
