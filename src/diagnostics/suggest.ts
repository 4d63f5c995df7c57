// Case, accents and ё/е aside (model/search-text.ts folds the same way for searches; this layer imports nothing of ours).
const foldAny = (s: string): string => s.toLocaleLowerCase('ru').replace(/ё/g, 'е').normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
/** Printable ASCII has no accents, no ё, and lowers the same in every locale but Turkish: toLowerCase gives foldAny's answer (~1 µs less a name). */
const ASCII = /^[\x20-\x7e]*$/;
const searchFold = (s: string): string => (ASCII.test(s) ? s.toLowerCase() : foldAny(s));

/**
 * The three rows of the table editDistanceWithin works in: three, not all of them, in one buffer kept between calls
 * and grown as needed, not arrays made per call and per row (it runs thousands of times a file).
 */
let rows = new Int32Array(3 * 64);

/**
 * Edit distance (insert, delete, substitute, swap of neighbours), for "did you mean": editDistanceWithin with a
 * limit no distance between the two can pass (the longer length), so the whole table is worked out.
 */
export function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Math.max(a.length, b.length));
}

/**
 * editDistance(a, b) when it is at most `limit`, else `limit + 1`: nearestOf only keeps candidates within
 * their limit, so the table stops at the first row whose every cell is over it (no later cell can come
 * back under: a swap from two rows up costs what the substitution beside it in the row between does, or
 * more), and no cell further than `limit` off the diagonal is worked out (it is over the limit anyway).
 * "did you mean" for thousands of unknown keys spent most of its time on tables that were lost after a few rows.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  const cols = b.length + 1;
  if (rows.length < 3 * cols) rows = new Int32Array(3 * cols * 2);
  const r = rows;
  let before = 0; // row i - 2 starts at r[before]
  let previous = cols; // row i - 1
  let current = 2 * cols;
  for (let j = 0; j < cols; j++) {
    r[before + j] = over;
    r[previous + j] = j > over ? over : j;
  }
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    // Cells with |i - j| > limit hold `over` (a cap: every value past the limit reads as limit + 1).
    const from = i - limit > 1 ? i - limit : 1;
    const to = i + limit < cols - 1 ? i + limit : cols - 1;
    r[current] = i > over ? over : i;
    if (from > 1) r[current + from - 1] = over;
    let least = from === 1 ? r[current]! : over;
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let best = Math.min(r[previous + j]! + 1, r[current + j - 1]! + 1, r[previous + j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) best = Math.min(best, r[before + j - 2]! + 1);
      if (best > over) best = over;
      r[current + j] = best;
      if (best < least) least = best;
    }
    if (to + 1 < cols) r[current + to + 1] = over;
    if (least > limit) return over;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  const d = r[previous + b.length]!;
  return d > limit ? over : d;
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
    // Only a distance within the limit counts: editDistanceWithin stops as soon as it is sure it is not.
    const distance = editDistanceWithin(w, lc, limit);
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
