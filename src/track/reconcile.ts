import type { QuantityRecord } from '../extract/quantity.ts';
import type { Judgement, Verdict } from './judge.ts';
import type { ActualRecord, Match, MatchOptions, TargetRecord } from './match.ts';
import type { Tolerances } from './standing.ts';
import { judgeTarget } from './judge.ts';
import { DEFAULT_MATCH_OPTIONS, matchCandidates } from './match.ts';
import { DEFAULT_TOLERANCES } from './standing.ts';

export interface ReconcileOptions {
  tolerances?: Partial<Tolerances>;
  match?: Partial<MatchOptions>;
  /** Below this confidence a candidate is shown but not attached (default 0.5). */
  minConfidence?: number;
  /**
   * Whether several firm targets may take the same actual (default false: a
   * review figure answers one promise; stretch figures always share with
   * their firm target).
   */
  shareActuals?: boolean;
}

export interface ReconciledTarget<T extends TargetRecord = TargetRecord, A extends ActualRecord = ActualRecord> {
  target: T;
  /** The attached actual, when one is confident enough; awaits a person's confirmation. */
  match?: Match<A>;
  candidates: Match<A>[];
  judgement: Judgement;
}

/**
 * Attaches to each target its most likely actual and judges it. Firm targets
 * take actuals one each, the most confident pairs first (on a tie, a figure
 * with a comparator word before a bare one, then document order), so that three budget lines of 中央财政安排 do not all claim the one
 * review figure; a stretch figure shares the actual of its firm target.
 */
export function reconcile<T extends TargetRecord, A extends ActualRecord>(
  targets: readonly T[],
  actuals: readonly A[],
  options: ReconcileOptions = {},
): ReconciledTarget<T, A>[] {
  const tol = { ...DEFAULT_TOLERANCES, ...options.tolerances };
  const matchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options.match };
  const minConfidence = options.minConfidence ?? 0.5;
  const candidates = targets.map((target) => matchCandidates(target, actuals, matchOptions));
  const chosen = new Map<number, Match<A>>();
  const taken = new Set<number>();
  // A figure bound by a comparator word (左右, 以上, 以内) reads as a promise; a bare one may be a budget line or a restated result.
  const bound = (i: number) => (targets[i].cmp === 'eq' ? 0 : 1);
  const order = targets.map((_, i) => i)
    .sort((x, y) => (candidates[y][0]?.confidence ?? 0) - (candidates[x][0]?.confidence ?? 0) || bound(y) - bound(x) || x - y);
  for (const i of order) {
    const exclusive = !options.shareActuals && targets[i].stretch !== true;
    const pick = candidates[i].find((c) => c.confidence >= minConfidence && !(exclusive && taken.has(c.index)));
    if (!pick) continue;
    chosen.set(i, pick);
    if (exclusive) taken.add(pick.index);
  }
  return targets.map((target, i) => {
    const match = chosen.get(i);
    return { target, match, candidates: candidates[i], judgement: judgeTarget(target, match?.actual, tol) };
  });
}

/**
 * One year's promises against the next year's review: the targets of report
 * N (records of kind `target`) against the actuals of report N+1 (kind
 * `actual`). Other kinds on either side are ignored, so whole analyses can be
 * passed in.
 */
export function reconcileReports(
  targetsOfYear: readonly QuantityRecord[],
  actualsFromNextReport: readonly QuantityRecord[],
  options: ReconcileOptions = {},
): ReconciledTarget<QuantityRecord, QuantityRecord>[] {
  return reconcile(
    targetsOfYear.filter((r) => r.kind === 'target'),
    actualsFromNextReport.filter((r) => r.kind === 'actual'),
    options,
  );
}

export interface PromiseKeeping {
  key: string;
  met: number;
  partly_met: number;
  missed: number;
  no_data: number;
  /** Targets with a verdict (met, partly met or missed). */
  judged: number;
  /** Met over judged; null when nothing could be judged. Partly met counts as not kept. */
  rate: number | null;
}

/**
 * Promise-keeping rates per group (year, section, unit, organisation: any
 * key), firm targets only unless `stretch` is asked for — a stretch figure
 * missed is not a promise broken.
 */
export function promiseKeeping<T extends TargetRecord>(
  rows: ReadonlyArray<ReconciledTarget<T>>,
  keyOf: (row: ReconciledTarget<T>) => string | undefined = () => 'all',
  which: 'firm' | 'stretch' = 'firm',
): PromiseKeeping[] {
  const groups = new Map<string, PromiseKeeping>();
  for (const row of rows) {
    if (row.judgement.stretch !== (which === 'stretch')) continue;
    const key = keyOf(row);
    if (key === undefined) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, met: 0, partly_met: 0, missed: 0, no_data: 0, judged: 0, rate: null }));
    g[row.judgement.verdict satisfies Verdict]++;
    if (row.judgement.verdict !== 'no_data') g.judged++;
    g.rate = g.judged ? g.met / g.judged : null;
  }
  return [...groups.values()];
}

/**
 * The usual groupings of promise-keeping rates. A target's unit comes from
 * the assignments (who leads it), so that key takes a lookup.
 */
export const KEEPING_BY = {
  year: (row: ReconciledTarget) => row.target.period?.slice(0, 4),
  section: (row: ReconciledTarget) => row.target.section?.[0],
  organisation: (row: ReconciledTarget) => row.target.org,
  unit: (leadUnitOf: (target: TargetRecord) => string | undefined) => (row: ReconciledTarget) => leadUnitOf(row.target),
};
