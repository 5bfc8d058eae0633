// String similarity in [0, 1] for short keys (company cores, name syllables).

/** Jaro-Winkler: forgiving of typos and of a shared start ("acmetrading" ~ "acmetradin"). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const A = [...a];
  const B = [...b];
  const window = Math.max(0, Math.floor(Math.max(A.length, B.length) / 2) - 1);
  const usedB = new Array<boolean>(B.length).fill(false);
  const matchedA: string[] = [];
  A.forEach((ch, i) => {
    for (let j = Math.max(0, i - window); j <= Math.min(B.length - 1, i + window); j++) {
      if (!usedB[j] && B[j] === ch) {
        usedB[j] = true;
        matchedA.push(ch);
        return;
      }
    }
  });
  const m = matchedA.length;
  if (!m) return 0;
  const matchedB = B.filter((_, j) => usedB[j]);
  const transpositions = matchedA.filter((ch, i) => ch !== matchedB[i]).length / 2;
  const jaro = (m / A.length + m / B.length + (m - transpositions) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && A[prefix] !== undefined && A[prefix] === B[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** Sørensen-Dice on character bigrams: order-tolerant ("示例科技" ~ "科技示例" scores low, "示例科技" ~ "示例" half). */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}
