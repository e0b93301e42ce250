/**
 * The built-in templates' and packets' YAML files as parsed when the bundle
 * was built, as JSON, keyed by each file's whole text. scripts/bundle.js
 * fills it in dist/bundle; run from src/ or tsc's dist/ it is empty. A file
 * whose text is not here, exactly, is parsed as usual (template-yaml.ts).
 */
export const BUILT_IN_YAML: ReadonlyMap<string, string> = new Map();
