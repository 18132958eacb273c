/** Dice coefficient over character bigrams, the measure the scorer uses to compare indicators. */
export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
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

function bigrams(s: string): string[] {
  const t = s.replace(/[“”‘’"'《》\s]/g, '');
  if (t.length < 2) return t ? [t] : [];
  const out: string[] = [];
  for (let i = 0; i < t.length - 1; i++) out.push(t.slice(i, i + 2));
  return out;
}
