import type { TargetFigure } from '../track/figures.ts';
import { actualProgress, type ProgressReport } from '../track/progress.ts';
import { rollUpPlan, type PlanRollUp, type TrackedTask } from '../track/rollup.ts';
import { DEFAULT_RULES, parseStatusRules, STATUSES, type Status, type StatusRules } from '../track/rules.ts';
import { expectedProgress } from '../track/schedule.ts';
import { taskStatus as engineStatus, type StatusResult } from '../track/status.ts';

/**
 * The bridge from the workspace to the pure tracking engine (src/track):
 * rows in, engine types out. Routes call only these functions.
 */
export type TaskStatus = Status;
export const TASK_STATUSES: readonly TaskStatus[] = STATUSES;
export { DEFAULT_RULES, type StatusRules };

/** An organisation's stored rules over the defaults; stored rules that no longer parse fall back to the defaults. */
export function rulesFrom(stored: unknown): StatusRules {
  const r = parseStatusRules(stored ?? {});
  return r.ok ? r.rules : DEFAULT_RULES;
}

export interface TaskFacts {
  year: number;
  startsOn: string | null;
  deadline: string | null;
  closed: boolean;
  targets: unknown[];
  /** The latest accepted report, if any. */
  report?: { period: string; value: number | null; percent: number | null };
}

/** The firm target the task's progress is measured against (stretch figures are judged apart). */
function mainTarget(targets: unknown[]): TargetFigure | undefined {
  const t = targets.find((x): x is TargetFigure =>
    !!x && typeof x === 'object' && typeof (x as TargetFigure).value === 'number' && typeof (x as TargetFigure).cmp === 'string' && !(x as TargetFigure).stretch);
  return t;
}

function schedule(t: TaskFacts) {
  return { year: t.year, start: t.startsOn ?? undefined, deadline: t.deadline ?? undefined };
}

export function expectedPercent(t: Pick<TaskFacts, 'year' | 'startsOn' | 'deadline'>, today: string): number {
  return expectedProgress({ year: t.year, start: t.startsOn ?? undefined, deadline: t.deadline ?? undefined }, today);
}

export function evaluateTask(t: TaskFacts, today: string, rules: StatusRules = DEFAULT_RULES): StatusResult {
  const target = mainTarget(t.targets);
  const report: ProgressReport | undefined = t.report && {
    date: today, state: 'accepted',
    value: t.report.value ?? undefined,
    unit: target?.unit,
    percent: t.report.percent ?? undefined,
  };
  const progress = actualProgress(target, report);
  return engineStatus({ schedule: schedule(t), progress, closed: t.closed }, today, rules);
}

export type { TrackedTask, PlanRollUp };
export const rollUp = rollUpPlan;
