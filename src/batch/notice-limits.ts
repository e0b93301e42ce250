/** A notice (or a packet's notices) with more pages than this is a row problem: it would not fit on a door. */
export const MAX_NOTICE_PAGES = 50;

/** A notice larger than this is a row problem, not a file: no door notice needs tens of pages. */
export const MAX_NOTICE_BYTES = 50_000_000;

/** Why a rendered notice is too large to write, or undefined when it is within the limits. */
export function noticeLimitProblem(pageCount: number, bytes: number | undefined): string | undefined {
  if (pageCount > MAX_NOTICE_PAGES) {
    return `this notice would have ${pageCount} pages; placard makes notices of at most ${MAX_NOTICE_PAGES}: shorten its longest fields`;
  }
  if (bytes !== undefined && bytes > MAX_NOTICE_BYTES) {
    const size = Math.round(bytes / 1e6);
    return `this notice would be ${size} MB; placard makes notices of at most ${MAX_NOTICE_BYTES / 1e6} MB: shorten its longest fields`;
  }
  return undefined;
}
