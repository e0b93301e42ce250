/**
 * The built-in locales' meta.yaml, parsed when the bundle was built (by
 * parseMeta in locale-meta.ts, as a render parses it), as JSON keyed by each
 * file's whole text: a cold render reads all 28 of them, and their schema
 * check took ~4 ms of its CPU (measured 2026-12-02). scripts/bundle.js fills
 * it in dist/bundle; run from src/ or tsc's dist/ it is empty. A file whose
 * text is not here, exactly, is parsed as usual.
 */
export const BUILT_IN_META: ReadonlyMap<string, string> = new Map();
