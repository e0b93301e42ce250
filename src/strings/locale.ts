import type { StringTree } from './locale-file.js';
import type { LocaleMeta } from './locale-meta.js';
import type { TranslatedFromFile } from './translated-from.js';

/**
 * A locale as placard uses it: the shape the catalog (locale-catalog.ts)
 * builds and the checks, glossary, exports and translator read. Kept in a
 * file of its own so that the code which reads a locale need not import the
 * code which loads one (the catalog runs some of it while loading).
 */
export interface Locale {
  readonly code: string;
  /** The folder it was read from. */
  readonly dir: string;
  readonly meta: LocaleMeta;
  /** Namespace → i18next JSON v4 resources. */
  readonly namespaces: Readonly<Record<string, StringTree>>;
  /** Translator notes by "namespace:key" (notes.yaml; English carries them). */
  readonly notes: Readonly<Record<string, string>>;
  /** What each translation was made from (translated-from.yaml); undefined when the locale has none. */
  readonly translatedFrom?: TranslatedFromFile;
  /** The locale's legal terms (glossary.yaml); undefined when it has none. */
  readonly glossary?: Glossary;
}

/** A locale's glossary.yaml: term id → the locale's accepted forms of it. */
export type Glossary = Readonly<Record<string, readonly string[]>>;
