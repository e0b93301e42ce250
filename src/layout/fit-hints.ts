import type { FitHintList } from '../contract/public-api.js';

/**
 * Fit hints carried from one run to the next (`placard render` keeps them
 * beside V8's code cache): the grid step each kind of page took, where
 * auto-fit's search starts. The step a page takes does not depend on where
 * the search starts (auto-fit.ts fitOnGrid), so a hint, right, stale or
 * made up, changes only how many attempts the search takes, never a byte.
 * Floor hints are not carried: a floor share the search did not find
 * itself could be taken as its answer (key-line.ts relaxFloors).
 *
 * The text is a cache any program could have written: whatever it holds,
 * reading it never throws, and keeps only entries of the right form.
 */

/** At most this many entries are kept, as many as a session keeps (layout-caches.ts). */
export const FIT_HINTS_LIMIT = 256;
/** A page's kind names its languages, paper, blocks and type floors: a few hundred characters for a packet's longest page. */
const MAX_KEY_LENGTH = 4096;
/** No fit grid has this many steps (32 a halving of the scale): a larger step is no step. */
const MAX_STEP = 1024;
/** The text a reader of the hints file should take at most: the limit's worth of the longest entries. */
export const FIT_HINTS_MAX_BYTES = FIT_HINTS_LIMIT * (MAX_KEY_LENGTH + 16);

const VERSION = 1;

/** The hints in `text` (writeFitHints'), or none when it is not theirs: malformed, another version, or oversized. */
export function readFitHints(text: string | undefined): FitHintList {
  if (text === undefined || text.length > FIT_HINTS_MAX_BYTES) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== VERSION) return [];
  const steps = (parsed as { steps?: unknown }).steps;
  if (!Array.isArray(steps)) return [];
  const hints: [string, number][] = [];
  for (const entry of steps.slice(-FIT_HINTS_LIMIT)) {
    if (!Array.isArray(entry) || entry.length !== 2) continue;
    const [key, step] = entry as unknown[];
    if (typeof key === 'string' && key.length <= MAX_KEY_LENGTH && isStep(step)) hints.push([key, step]);
  }
  return hints;
}

/** The hints as text for readFitHints (which keeps only entries of the right form): the last FIT_HINTS_LIMIT of them. */
export function writeFitHints(hints: FitHintList): string {
  return `${JSON.stringify({ version: VERSION, steps: hints.slice(-FIT_HINTS_LIMIT) })}\n`;
}

/** A grid step: a whole number from 0 (the grid's largest scale) to past any grid's last (fitOnGrid takes the nearest). */
export function isStep(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_STEP;
}
