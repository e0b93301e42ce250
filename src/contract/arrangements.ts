/** How a notice's languages share the paper (kept apart from the manifest schema so the CLI can name them without loading zod). */
/** `officer`: cards whose back is an officer-facing side in English (the rights-cards template), one front/back pair per language. */
export const ARRANGEMENTS = ['stacked', 'columns', 'pages', 'duplex', 'officer'] as const;
export type Arrangement = (typeof ARRANGEMENTS)[number];
