import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assertInside } from '../contained-path.js';
import { TemplateError, UsageError } from '../errors.js';
import { DEFAULT_THEME, themeSchema, type Theme } from '../layout/theme.js';
import { BUILTIN_TEMPLATES } from '../paths.js';
import { readTextFile } from '../read/text-file.js';
import { manifestSchema, type TemplateManifest } from './manifest.js';
import { parseTemplateYaml } from './template-yaml.js';
import { MAX_TEMPLATE_BYTES } from '../contract/input-limits.js';

export interface Template {
  readonly manifest: TemplateManifest;
  readonly dir: string;
  readonly source: string;
  /** theme.yaml, or the default theme when the folder has none. */
  readonly theme: Theme;
}

/** Template folders by id. User folders are read after the built-in one, so a user folder with the same id overrides it. */
export function findTemplates(userDirs: readonly string[] = []): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of [BUILTIN_TEMPLATES, ...userDirs]) {
    if (!existsSync(dir)) throw new UsageError(`cannot read templates folder ${dir}: it does not exist`);
    if (!statSync(dir).isDirectory()) throw new UsageError(`--templates ${dir}: expected a folder of template folders, found a file`);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // A symlinked template folder counts like a real one (statSync follows the link).
      const folder = join(dir, entry.name);
      // ...as long as it stays inside the folder given (a stranger's pack could point anywhere).
      if (entry.isSymbolicLink()) assertInside(dir, folder, '--templates');
      if (isFolder(folder) && existsSync(join(folder, 'template.yaml'))) found.set(entry.name, folder);
    }
  }
  return found;
}

/**
 * Reads a template from disk, on each call: a session reads it once, in
 * `prepare`, and keeps it, so preparing again sees an edit.
 */
export function loadTemplate(id: string, userDirs: readonly string[] = []): Template {
  const folders = findTemplates(userDirs);
  const dir = folders.get(id);
  if (!dir) {
    throw new UsageError(`unknown template "${id}"; known templates: ${[...folders.keys()].sort().join(', ')}`);
  }
  const file = join(dir, 'template.hbs');
  for (const name of ['template.hbs', 'template.yaml', 'theme.yaml']) assertInside(dirname(dir), join(dir, name), '--templates');
  if (!existsSync(file)) throw new TemplateError(`${dir}: the template folder has no template.hbs`);
  const template = { manifest: readManifest(dir), dir, source: readTextFile(file, MAX_TEMPLATE_BYTES, 'template'), theme: readTheme(dir) };
  if (template.manifest.id !== id) {
    throw new TemplateError(`${dir}/template.yaml: id "${template.manifest.id}" does not match the folder name "${id}"`);
  }
  return template;
}

function readManifest(dir: string): TemplateManifest {
  const file = join(dir, 'template.yaml');
  const parsed = manifestSchema.safeParse(readYaml(file));
  if (!parsed.success) throw new TemplateError(`${file} is not a valid template manifest:\n${issues(parsed.error.issues)}`);
  return parsed.data;
}

/** theme.yaml: margins, type scale, bands, QR size per paper (see src/layout/theme.ts); optional. */
function readTheme(dir: string): Theme {
  const file = join(dir, 'theme.yaml');
  if (!existsSync(file)) return DEFAULT_THEME;
  const parsed = themeSchema.safeParse(readYaml(file) ?? {});
  if (!parsed.success) throw new TemplateError(`${file} is not a valid theme:\n${issues(parsed.error.issues)}`);
  return parsed.data;
}

function readYaml(file: string): unknown {
  const text = readTextFile(file, MAX_TEMPLATE_BYTES, 'template file');
  try {
    return parseTemplateYaml(text);
  } catch (error) {
    throw new TemplateError(`${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

function issues(list: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return list.map((issue) => `  ${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`).join('\n');
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
