// "Did you mean …": the closest of a few known words to what was typed.

/** Optimal-string-alignment distance: Levenshtein plus a swap of two neighbours (`laed` → `lead` is 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate closest to `typed`, when it is close enough to be a typo: one edit for short words,
 * two from six letters on; a prefix of a candidate (`ad` → `add`) counts as one edit. Ties go to the
 * first candidate, so callers list the commonest first.
 */
export function closest<T extends string>(typed: string, candidates: readonly T[]): T | null {
  const w = typed.normalize('NFKC').toLowerCase();
  if (!w || w.length > 40) return null;
  const allowed = w.length >= 6 ? 2 : 1;
  let best: T | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    const dist = lc === w ? 0 : lc.startsWith(w) && w.length >= 2 ? 1 : editDistance(w, lc);
    if (dist < bestD) [best, bestD] = [c, dist];
  }
  return bestD <= allowed ? best : null;
}
