import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

/** Folders that ship with placard, found from this file (src/ or dist/ alike). */
const root = fileURLToPath(new URL('..', import.meta.url));

export const BUILTIN_TEMPLATES = `${root}templates`;
export const BUILTIN_LOCALES = `${root}locales`;

export const PLACARD_VERSION: string = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
