import { z } from 'zod';
import type { TextSize, Tone } from '../parse/notice-tree.js';
import type { Color } from './items.js';
import { mm } from '../contract/page-sizes.js';
import { bundledFaces } from '../fonts/bundled-fonts.js';

/**
 * A template's look as data (templates/<id>/theme.yaml): margins, the type
 * scale, bands and rules, the QR code and the smallest readable text. Values
 * are for US Letter; each paper size has a `scale` that grows or shrinks the
 * whole composition (margins, type, gaps, bands, the QR code) and may set its
 * own floors. Anything left out takes the default below.
 */
export const THEME_SIZES = ['letter', 'a4', 'legal', 'tabloid', 'half-letter', 'decal'] as const;
export type ThemeSizeName = (typeof THEME_SIZES)[number];

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #111111');
const points = z.number().positive().max(400);
const band = z.object({ fill: colour.optional(), stroke: colour.optional(), text: colour, padding: z.number().min(0).max(100) }).strict();

const paperSchema = z
  .object({
    /** Multiplies every length of the Letter design on this paper. */
    scale: z.number().positive().max(4),
    /** Body text never goes below this many points on this paper. */
    min_body: points.optional(),
    /** Small print never goes below this many points on this paper. */
    min_small: points.optional(),
    /** The printed QR code, quiet zone excluded, in millimetres: overrides qr.code_mm × scale. */
    qr_mm: z.number().min(10).max(200).optional(),
    /** The key line's least cap height on this paper, in mm, by languages on the page: overrides key_line.cap_mm × scale. */
    key_cap_mm: z.array(z.number().min(0).max(100)).max(8).optional(),
    /** The title's least cap height on this paper, in mm, by languages on the page: overrides key_line.title_cap_mm × scale. */
    title_cap_mm: z.array(z.number().min(0).max(200)).max(8).optional(),
    /** Type sizes in points on this paper (not scaled), for the levels given: overrides type × scale. */
    type: z.object({ h1: points, h2: points, large: points, normal: points, small: points }).partial().strict().optional(),
    /** Auto-fit grows text up to this scale on this paper: overrides max_scale. */
    max_scale: z.number().min(1).max(3).optional(),
    /** The page margin on this paper, in mm as printed (not scaled): overrides margin_mm × scale. */
    margin_mm: z.number().min(0).max(60).optional(),
    /** How many columns a flowing column block (`<columns flow="yes">`) is set in on this paper; 1 unless given. */
    columns: z.number().int().min(1).max(4).optional(),
  })
  .strict();

const DEFAULT_SIZES: Record<ThemeSizeName, z.infer<typeof paperSchema>> = {
  letter: { scale: 1 },
  a4: { scale: 0.97 },
  legal: { scale: 1, min_body: 9.5 },
  tabloid: { scale: 1.29, min_body: 11, min_small: 8 },
  'half-letter': { scale: 0.65, min_body: 8, min_small: 6.5 },
  decal: { scale: 0.47, min_body: 7, min_small: 6, qr_mm: 22 },
};

export const themeSchema = z
  .object({
    margin_mm: z.number().min(0).max(60).default(12.7),
    /** Type sizes in points at auto-fit scale 1 on Letter. `meta` is the quiet version line. */
    type: z
      .object({ h1: points, h2: points, large: points, normal: points, small: points, meta: points })
      .strict()
      .default({ h1: 48, h2: 28, large: 20, normal: 15, small: 10, meta: 6.5 }),
    leading: z
      .object({ heading: z.number().min(1).max(3), body: z.number().min(1).max(3) })
      .strict()
      .default({ heading: 1.15, body: 1.3 }),
    /** Space after each kind of block, in points at scale 1. */
    gaps: z
      .object({ heading: points, paragraph: points, item: points, rule: points, box: points, columns: points })
      .strict()
      .default({ heading: 10, paragraph: 8, item: 2, rule: 12, box: 14, columns: 24 }),
    /** Auto-fit grows text up to this scale when a page has room. */
    max_scale: z.number().min(1).max(3).default(1.8),
    /** Readable floors on Letter, in points (paper sizes may set their own). */
    min_body: points.default(9),
    min_small: points.default(7),
    /** A link or version line shrinks to stay on one line, but never below this many points. */
    min_caption: points.default(6),
    /** Columns of a wrapping grid are never narrower than this many characters of their script. */
    min_column_chars: z.number().int().min(5).max(80).default(25),
    rule: z
      .object({ width: z.number().positive().max(20), color: colour })
      .strict()
      .default({ width: 1.5, color: '#000000' }),
    bands: z
      .object({ plain: band, dark: band, light: band, outline: band })
      .strict()
      .default({
        plain: { text: '#000000', padding: 0 },
        dark: { fill: '#111111', text: '#ffffff', padding: 12 },
        light: { fill: '#eeeeee', text: '#000000', padding: 12 },
        outline: { stroke: '#000000', text: '#000000', padding: 12 },
      }),
    qr: z
      .object({
        /** The printed code without its quiet zone on Letter, in millimetres; grows with the paper. */
        code_mm: z.number().min(10).max(200),
        /** Never smaller than this on any paper that does not set its own qr_mm. */
        min_mm: z.number().min(10).max(200),
        /** Room between the code and its label, in points at scale 1. */
        gap: z.number().min(0).max(100),
      })
      .strict()
      .default({ code_mm: 30, min_mm: 30, gap: 10 }),
    /**
     * A door sign's key line (`<p size="key">`) and title keep these least cap
     * heights on Letter, in mm, by the number of languages on the page (one,
     * two, …): the rest of the page gives way first. Past the list, the key
     * line aims at the last size listed without requiring it (a warning names
     * the paper or arrangement that keeps it), and the title has no floor.
     */
    key_line: z
      .object({ cap_mm: z.array(z.number().min(0).max(100)).max(8), title_cap_mm: z.array(z.number().min(0).max(200)).max(8) })
      .strict()
      .default({ cap_mm: [], title_cap_mm: [] }),
    sizes: z.record(z.enum(THEME_SIZES), paperSchema.partial()).default({}),
    /**
     * By language, a bundled family its text takes on this template instead
     * of its usual face: `{ ur: Noto Sans Arabic }` sets Urdu in Naskh on a
     * wallet card, where Nastaliq does not fit at 6 pt.
     */
    faces: z
      .record(
        z.string().min(2).max(35),
        z.string().refine((family) => bundledFaces().some((face) => face.family === family), 'name a bundled font family'),
      )
      .default({}),
  })
  .strict();

export type Theme = z.infer<typeof themeSchema>;

export const DEFAULT_THEME: Theme = themeSchema.parse({});

/** A theme worked out for one paper size: every length in points. */
export interface PageTheme {
  readonly paper: ThemeSizeName;
  /** The paper's scale against Letter. */
  readonly scale: number;
  readonly margin: number;
  readonly type: Readonly<Record<'h1' | 'h2' | Exclude<TextSize, 'key'> | 'meta', number>>;
  readonly leading: Theme['leading'];
  readonly gaps: Theme['gaps'];
  readonly maxScale: number;
  readonly minBody: number;
  readonly minSmall: number;
  readonly minCaption: number;
  readonly minColumnChars: number;
  readonly rule: { readonly width: number; readonly color: Color };
  readonly bands: Readonly<
    Record<Tone, { readonly fill?: Color; readonly stroke?: Color; readonly text: Color; readonly padding: number }>
  >;
  /** The QR code's side without its quiet zone, in points. */
  readonly qrCode: number;
  readonly qrGap: number;
  /** Least cap heights in mm of the key line and the title, by languages on the page (index 0: one language). */
  readonly keyCapMm: readonly number[];
  readonly titleCapMm: readonly number[];
  /** Columns of a flowing column block on this paper. */
  readonly flowColumns: number;
}

/** The theme's numbers for one paper size. */
export function pageTheme(theme: Theme, paper: ThemeSizeName): PageTheme {
  const size = { ...DEFAULT_SIZES[paper], ...theme.sizes[paper] };
  const s = size.scale;
  const times = <K extends string>(values: Readonly<Record<K, number>>): Record<K, number> =>
    Object.fromEntries(Object.entries<number>(values).map(([key, value]) => [key, value * s])) as Record<K, number>;
  return {
    paper,
    scale: s,
    margin: size.margin_mm === undefined ? mm(theme.margin_mm) * s : mm(size.margin_mm),
    type: { ...times(theme.type), ...size.type, meta: theme.type.meta * Math.max(1, Math.min(s, 1.1)) },
    leading: theme.leading,
    gaps: times(theme.gaps),
    maxScale: size.max_scale ?? theme.max_scale,
    minBody: size.min_body ?? theme.min_body,
    minSmall: size.min_small ?? theme.min_small,
    minCaption: theme.min_caption,
    minColumnChars: theme.min_column_chars,
    rule: { width: theme.rule.width * s, color: theme.rule.color },
    bands: Object.fromEntries(
      Object.entries(theme.bands).map(([tone, style]) => [tone, { ...style, padding: style.padding * s }]),
    ) as PageTheme['bands'],
    qrCode: mm(size.qr_mm ?? Math.max(theme.qr.min_mm, theme.qr.code_mm * s)),
    qrGap: theme.qr.gap * s,
    keyCapMm: size.key_cap_mm ?? theme.key_line.cap_mm.map((value) => value * s),
    titleCapMm: size.title_cap_mm ?? theme.key_line.title_cap_mm.map((value) => value * s),
    flowColumns: size.columns ?? 1,
  };
}

/**
 * A text size in points at auto-fit scale `scale`, never below the paper's
 * readable floor. Small print shrinks with the page but never grows past its
 * own size: a roomy page gives its space to the message, not the fine print.
 */
export function textSize(theme: PageTheme, size: TextSize, scale: number): number {
  if (size === 'meta') return theme.type.meta;
  if (size === 'key') return textSize(theme, 'large', scale);
  if (size === 'small') return Math.max(theme.type.small * Math.min(scale, 1), theme.minSmall);
  return Math.max(theme.type[size] * scale, theme.minBody);
}

/** Noto Sans's cap height in em (OS/2 sCapHeight 714): a cap height in mm over this is a type size. */
const CAP_EM = 0.714;

/** The type size in points whose Latin capitals are `capMm` tall. */
export function sizeForCap(capMm: number): number {
  return mm(capMm) / CAP_EM;
}
