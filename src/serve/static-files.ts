import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page's files, shipped in the package's `web/` folder (the same from src/serve and dist/serve). */
export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

const TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface StaticFile {
  readonly type: string;
  readonly body: Buffer;
}

/**
 * Every asset, read once at start and served by name from this fixed
 * table: a request's path is only ever a key, never a path on disk.
 */
export function staticFiles(): ReadonlyMap<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(WEB_DIR).sort()) {
    const type = TYPES[name.slice(name.lastIndexOf('.'))];
    if (type && /^[a-z0-9-]+\.[a-z]+$/.test(name)) files.set(`/static/${name}`, { type, body: readFileSync(join(WEB_DIR, name)) });
  }
  return files;
}

/** The page's HTML with its strings filled in (HTML-escaped) and the strings the scripts need as a JSON data block. */
export function pageHtml(
  template: string,
  page: { lang: string; dir: string; strings: Readonly<Record<string, string>> },
  languages: readonly { code: string; name: string }[],
): string {
  const options = languages
    .map(
      (language) =>
        `<option value="${escapeHtml(language.code)}" lang="${escapeHtml(language.code)}"${language.code === page.lang ? ' selected' : ''}>${escapeHtml(language.name)}</option>`,
    )
    .join('');
  const data = JSON.stringify(page.strings).replace(/</g, '\\u003c');
  // Strings first, so nothing they contain is read as a placeholder; functions, so "$&" in a string stays as written.
  return template
    .replace(/\{\{t:([a-z0-9_.]+)\}\}/g, (_, key: string) => escapeHtml(page.strings[key] ?? key))
    .replace(/\{\{(lang|dir)\}\}/g, (_, name: 'lang' | 'dir') => escapeHtml(page[name]))
    .replace('{{language-options}}', () => options)
    .replace('{{strings-json}}', () => data);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
