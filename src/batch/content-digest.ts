import { createHash, type Hash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { BUILTIN_LOCALES } from '../paths.js';
import type { SessionOptions } from '../contract/public-api.js';
import type { Renderer } from '../session/prepare.js';
import type { ContentDigest } from './manifest.js';
import { sha256Hex } from './resume.js';

/** A folder holding more files than this is not a template or a locale; hashing it would take for ever. */
const MAX_FILES = 20_000;

/**
 * Digests of what a run's notices are made from besides the data, by content: the template's folder (or the
 * packet file and its templates' folders), the font files given with --font, and each locale folder (built-in,
 * then each --locales folder, a later folder's locale replacing an earlier one's, as the catalog does).
 * `--resume` compares them, so an edited translation, template or font is never kept by its unchanged path.
 * A symlink is hashed as the link (its target path), never followed: a folder is what it holds.
 */
export function contentDigest(renderer: Renderer, options: SessionOptions): ContentDigest {
  const fonts = new Set((options.fonts ?? []).map((font) => resolve(font)));
  const templates = createHash('sha256');
  const templateFiles = renderer.inputs.filter((input) => !fonts.has(resolve(input)));
  const folders = [...new Set(templateFiles.filter((file) => basename(file) === 'template.yaml').map((file) => dirname(file)))].sort();
  for (const file of [...new Set(templateFiles.filter((file) => !folders.includes(dirname(file))))].sort())
    hashFile(templates, file, basename(file));
  for (const folder of folders) hashFolder(templates, folder);
  const fontHash = createHash('sha256');
  for (const font of options.fonts ?? []) hashFile(fontHash, font, basename(font));
  const locales: Record<string, string> = {};
  for (const dir of [BUILTIN_LOCALES, ...(options.localeDirs ?? [])]) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const folder = join(dir, entry.name);
      if (!entry.isDirectory() || !existsSync(join(folder, 'meta.yaml'))) continue;
      const hash = createHash('sha256');
      hashFolder(hash, folder);
      locales[entry.name] = hash.digest('hex');
    }
  }
  return { templates: templates.digest('hex'), fonts: fontHash.digest('hex'), locales };
}

function hashFolder(hash: Hash, folder: string): void {
  let count = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (++count > MAX_FILES) throw new UsageError(`${folder} holds more than ${MAX_FILES} files; expected a template or locale folder`);
      if (entry.isDirectory()) walk(path);
      else hashFile(hash, path, relative(folder, path));
    }
  };
  walk(folder);
}

function hashFile(hash: Hash, path: string, name: string): void {
  hash.update(`${name}\0`);
  try {
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) hash.update(`link\0${readlinkSync(path)}\0`);
    else if (stats.isFile()) hash.update(sha256Hex(readFileSync(path)));
  } catch (error) {
    hash.update(`unreadable\0${(error as NodeJS.ErrnoException).code ?? ''}\0`);
  }
}
