// Case, accents and ё/е aside (model/search-text.ts folds the same way for searches; this layer imports nothing of ours).
const searchFold = (s: string): string => s.toLocaleLowerCase('ru').replace(/ё/g, 'е').normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');

/** Edit distance (insert, delete, substitute, swap of neighbours), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidates nearest to `wanted`, best first: close in spelling (case, accents and ё/е aside), or sharing a prefix. */
export function nearestOf(wanted: string, candidates: Iterable<string>, max = 3): string[] {
  const w = searchFold(wanted);
  const scored: { c: string; score: number }[] = [];
  for (const c of candidates) {
    const lc = searchFold(c);
    const distance = editDistance(w, lc);
    const limit = Math.max(1, Math.floor(Math.max(w.length, lc.length) / 3));
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
