/**
 * The built-in templates compiled when the bundle was built (Handlebars'
 * precompiled specs, made by precompiledFill in fill-template.ts with the
 * options a render compiles with), keyed by each template's whole text.
 * scripts/bundle.js fills it in dist/bundle; run from src/ or tsc's dist/
 * it is empty. A template whose text is not here, exactly, is compiled as usual.
 */
export const BUILT_IN_FILLS: ReadonlyMap<string, object> = new Map();
