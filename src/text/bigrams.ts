/**
 * Character bigrams, the unit of resemblance between short Chinese phrases:
 * they need no dictionary and catch policy words (研发, 养老) whatever a
 * segmenter would make of them. A one-character string is its own gram.
 */
export function charBigrams(s: string): string[] {
  if (s.length < 2) return s ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient of two gram multisets (each gram matched at most once), as the quantity scorer computes it. */
export function diceOf(x: readonly string[], y: readonly string[]): number {
  if (!x.length || !y.length) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const c = pool.get(g);
    if (c) { common++; pool.set(g, c - 1); }
  }
  return (2 * common) / (x.length + y.length);
}
