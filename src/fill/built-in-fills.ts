/**
 * The built-in templates compiled when the bundle was built, keyed by each
 * template's whole text: Handlebars' precompiled spec (made by
 * precompiledFill in fill-template.ts with the options a render compiles
 * with) and whether business values may be stood in for (markup-shapes.ts).
 * scripts/bundle.js fills it in dist/bundle; run from src/ or tsc's dist/
 * it is empty. A template whose text is not here, exactly, is compiled and
 * read as usual.
 */
export const BUILT_IN_FILLS: ReadonlyMap<string, { readonly spec: object; readonly standIns: boolean }> = new Map();
