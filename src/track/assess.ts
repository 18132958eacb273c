import type { IsoDate } from './date.ts';
import type { TargetFigure } from './figures.ts';
import type { ActualProgress, ProgressReport } from './progress.ts';
import type { StatusRules } from './rules.ts';
import type { Schedule } from './schedule.ts';
import type { StatusResult } from './status.ts';
import type { Tolerances } from './standing.ts';
import { actualProgress, latestAccepted } from './progress.ts';
import { DEFAULT_RULES } from './rules.ts';
import { DEFAULT_TOLERANCES } from './standing.ts';
import { taskStatus } from './status.ts';

/** A task as the workspace holds it: when it runs, what it promises, what the unit has reported. */
export interface TrackedTaskInput {
  schedule: Schedule;
  /** The figure promised, when the task has one (an extracted target). */
  target?: TargetFigure;
  reports: readonly ProgressReport[];
  closed?: boolean;
}

export interface Assessment extends StatusResult {
  actual?: ActualProgress;
  /** The date of the report the progress comes from. */
  reportDate?: IsoDate;
}

/** One call for the dashboard: latest accepted report → actual progress → status on `date`. */
export function assessTask(task: TrackedTaskInput, date: IsoDate, rules: StatusRules = DEFAULT_RULES, tol: Tolerances = DEFAULT_TOLERANCES): Assessment {
  // a report dated after `date` was not known on that day
  const report = latestAccepted(task.reports.filter((r) => r.date <= date));
  const actual = actualProgress(task.target, report, tol);
  return { ...taskStatus({ schedule: task.schedule, progress: actual, closed: task.closed }, date, rules), actual, reportDate: report?.date };
}
