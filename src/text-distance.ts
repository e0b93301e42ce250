/** Edit distance (insertions, deletions, substitutions) between two short strings, for did-you-mean hints. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The candidate nearest to `word` (a typo or two away, or the same without _ and spaces), if any is near. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const bare = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');
  const wanted = bare(word);
  let best: { candidate: string; cost: number } | undefined;
  for (const candidate of candidates) {
    const cost = bare(candidate) === wanted ? 0 : editDistance(wanted, bare(candidate));
    if (cost <= Math.max(1, Math.floor(wanted.length / 4)) && (!best || cost < best.cost)) best = { candidate, cost };
  }
  return best?.candidate;
}
