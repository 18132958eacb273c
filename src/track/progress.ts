import type { ActualFigure, TargetFigure } from './figures.ts';
import type { IsoDate } from './date.ts';
import type { Tolerances } from './standing.ts';
import { DEFAULT_TOLERANCES, standing } from './standing.ts';
import { clampPercent } from './schedule.ts';
import { isRateUnit } from './units.ts';

/** One progress report of a unit on a task, as the workflow keeps it. */
export interface ProgressReport {
  date: IsoDate;
  state: 'submitted' | 'accepted' | 'returned';
  /** The figure reached so far (完成值), in `unit`. */
  value?: number;
  unit?: string;
  direction?: ActualFigure['direction'];
  /** The unit's own estimate of progress in percent (形象进度 as a number). */
  percent?: number;
}

/**
 * How progress is read:
 * - `amount`: an amount that accumulates over the year (新增停车位, 完成投资); compared with time-elapsed progress;
 * - `state`: a rate or a ceiling (增长6.5%, 失业率3.5%以内) that either holds now or not; compared with 100;
 * - `reported`: the percentage the unit reported.
 */
export type ProgressBasis = 'amount' | 'state' | 'reported';

export interface ActualProgress {
  percent: number;
  basis: ProgressBasis;
  /** For a figure: whether it satisfies the target's comparator today. */
  withinTarget?: boolean;
}

/** The latest accepted report, by date; on the same date the later one in the list. */
export function latestAccepted(reports: readonly ProgressReport[]): ProgressReport | undefined {
  let best: ProgressReport | undefined;
  for (const r of reports) if (r.state === 'accepted' && (!best || r.date >= best.date)) best = r;
  return best;
}

/**
 * Actual progress in percent from a report. A figure is read against the
 * target with the comparator's meaning: at least (以上) gives value/target; a
 * ceiling (以内) gives 100% while within it; about (左右) 100% within the
 * tolerance. Without a usable figure, the reported percentage is used.
 */
export function actualProgress(target: TargetFigure | undefined, report: ProgressReport | undefined, tol: Tolerances = DEFAULT_TOLERANCES): ActualProgress | undefined {
  if (!report) return undefined;
  if (target && report.value !== undefined) {
    const s = standing(target, { value: report.value, unit: report.unit, direction: report.direction }, tol);
    if (s.verdict !== 'no_data' && s.actual !== undefined) {
      const basis: ProgressBasis = isStateTarget(target) || s.ceiling ? 'state' : 'amount';
      const within = s.verdict === 'met';
      return { percent: figurePercent(s.actual, s.target, s.ceiling, within), basis, withinTarget: within };
    }
  }
  if (report.percent !== undefined) return { percent: clampPercent(report.percent), basis: 'reported' };
  return undefined;
}

/** Rates and growth figures hold or do not hold at a moment; they do not pile up over the year. */
export function isStateTarget(target: TargetFigure): boolean {
  return target.measure === 'growth' || isRateUnit(target.unit);
}

function figurePercent(actual: number, target: number, ceiling: boolean, within: boolean): number {
  if (within) return 100;
  if (ceiling) return clampPercent(actual > 0 ? (target / actual) * 100 : 0);
  return clampPercent(target > 0 ? (actual / target) * 100 : 0);
}
