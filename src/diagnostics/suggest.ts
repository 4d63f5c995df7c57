// Case, accents and ё/е aside (model/search-text.ts folds the same way for searches; this layer imports nothing of ours).
const searchFold = (s: string): string => s.toLocaleLowerCase('ru').replace(/ё/g, 'е').normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');

/**
 * Edit distance (insert, delete, substitute, swap of neighbours), for "did you mean".
 * Three rows of the table, not all of them: this runs for every unknown name against
 * every name it could have meant, and a file may hold thousands of unknown names.
 */
export function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  let before = new Array<number>(cols).fill(0); // row i - 2
  let previous = Array.from({ length: cols }, (_, j) => j); // row i - 1
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j < cols; j++) {
      const cost = ai === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** searchFold of the names wanted things are compared with: the same few field names, over and over. */
const folded = new Map<string, string>();
function fold(candidate: string): string {
  let f = folded.get(candidate);
  if (f === undefined) {
    if (folded.size >= 10_000) folded.clear();
    f = searchFold(candidate);
    folded.set(candidate, f);
  }
  return f;
}

/** The candidates nearest to `wanted`, best first: close in spelling (case, accents and ё/е aside), or sharing a prefix. */
export function nearestOf(wanted: string, candidates: Iterable<string>, max = 3): string[] {
  const w = searchFold(wanted);
  const scored: { c: string; score: number }[] = [];
  for (const c of candidates) {
    const lc = fold(c);
    const limit = Math.max(1, Math.floor(Math.max(w.length, lc.length) / 3));
    // The distance is at least the difference in length: no need to work it out when that is already too far.
    const distance = Math.abs(w.length - lc.length) > limit ? Infinity : editDistance(w, lc);
    if (distance <= limit) scored.push({ c, score: distance });
    else if (w.length >= 3 && (lc.startsWith(w) || w.startsWith(lc) || lc.includes(w))) scored.push({ c, score: limit + 1 });
  }
  scored.sort((a, b) => a.score - b.score || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
  // Only the closest: a candidate much further off than the best one is noise.
  const best = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score <= best + 1).slice(0, max).map((s) => s.c);
}

/** "did you mean `x`?" (or "`x` or `y`"), or undefined when nothing is near. */
export function didYouMean(wanted: string, candidates: Iterable<string>, show: (c: string) => string = (c) => `\`${c}\``): string | undefined {
  const near = nearestOf(wanted, candidates);
  if (near.length === 0) return undefined;
  return `did you mean ${near.map(show).join(' or ')}?`;
}
