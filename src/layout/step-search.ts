/**
 * A value per step (a grid scale, a heading size) made once: a search that
 * comes back to a step reuses what it made there.
 */
export function stepMemo<T>(make: (step: number) => T): { at(step: number): T; made(step: number): T | undefined } {
  const made = new Map<number, T>();
  return {
    at(step) {
      let value = made.get(step);
      if (value === undefined) {
        value = make(step);
        made.set(step, value);
      }
      return value;
    },
    made: (step) => made.get(step),
  };
}

/**
 * The first of steps 0..count-1 at which `holds` is true, when it holds at
 * every step after one where it holds; undefined when it holds at none.
 * Asks step 0, then the last, then halves the steps between.
 */
export function firstHolding(count: number, holds: (step: number) => boolean): number | undefined {
  if (count === 0) return undefined;
  if (holds(0)) return 0;
  let high = count - 1;
  if (high === 0 || !holds(high)) return undefined;
  let low = 0;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (holds(middle)) high = middle;
    else low = middle;
  }
  return high;
}
