/**
 * Seeded pseudo-random numbers, so every fuzz run can be replayed: the seed
 * is printed, and FUZZ_SEED=<n> repeats a run exactly.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_122) >>> 0;

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

/** xorshift32: tiny, fast and good enough to choose bytes and positions. */
export function seeded(seed: number): Random {
  let x = seed >>> 0 || 1;
  const next = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) / 2 ** 32; };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}
