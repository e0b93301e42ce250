/** How a notice's languages share the paper (kept apart from the manifest schema so the CLI can name them without loading zod). */
export const ARRANGEMENTS = ['stacked', 'columns', 'pages', 'duplex'] as const;
export type Arrangement = (typeof ARRANGEMENTS)[number];
