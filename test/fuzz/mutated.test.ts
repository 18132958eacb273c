import { describe, expect, it } from 'vitest';
import { runIsolated } from './sandbox.ts';
import { FUZZ_SEED } from './seeded.ts';
import type { MutatedResult } from './workers/mutated.ts';

/** Per case: read, analyse, parse as a notice and as tasks. Far above the tens of milliseconds a case takes. */
const CASE_BOUND_MS = 5_000;
/** FUZZ_SCALE=20 runs twenty times as many cases, for a longer hunt outside CI. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const cases = (n: number) => Math.round(n * SCALE);

describe('damaged files from the corpus', () => {
  it(`are read or refused with a one-line reason, never crash or hang (seed ${FUZZ_SEED})`, async () => {
    console.log(`fuzz seed ${FUZZ_SEED}; replay with FUZZ_SEED=${FUZZ_SEED}`);
    const run = await runIsolated<MutatedResult>(new URL('./workers/mutated.ts', import.meta.url), {
      seed: FUZZ_SEED,
      casesPerFormat: { txt: cases(120), html: cases(60), docx: cases(60), pdf: cases(30), xlsx: cases(30) },
    }, { caseTimeoutMs: CASE_BOUND_MS * 2, maxHeapMb: 1024 });
    const { figures, failures, refusals } = run.result;
    console.table(Object.fromEntries(Object.entries(figures).sort().map(([k, f]) => [k, {
      cases: f.cases, read: f.read, refused: f.refused, 'mean ms': Math.round(f.totalMs / f.cases), 'max ms': Math.round(f.maxMs), 'peak rss MB': run.peakRssMbByKind[k] ?? '–',
    }])));
    console.log(`${Object.values(figures).reduce((n, f) => n + f.cases, 0)} cases in ${Math.round(run.ms)} ms, peak rss +${run.peakRssMb} MB; refusals seen:\n  ${refusals.join('\n  ')}`);
    expect(failures).toEqual([]);
    for (const [kind, f] of Object.entries(figures)) expect(f.maxMs, kind).toBeLessThan(CASE_BOUND_MS);
    // Both outcomes occur: the damage is neither always fatal nor always harmless.
    const all = Object.values(figures);
    expect(all.reduce((n, f) => n + f.read, 0)).toBeGreaterThan(0);
    expect(all.reduce((n, f) => n + f.refused, 0)).toBeGreaterThan(0);
  }, 60_000 * SCALE);
});
