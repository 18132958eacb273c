import type { IsoDate } from './date.ts';
import { daysBetween, yearEnd, yearOf, yearStart } from './date.ts';

/** A point of a milestone curve: by the end of `date`, `percent` should be done. */
export interface Milestone {
  date: IsoDate;
  percent: number;
}

/** When a task runs. Without start and deadline it runs over its plan year, 1 January to 31 December. */
export interface Schedule {
  year?: number;
  start?: IsoDate;
  deadline?: IsoDate;
  milestones?: Milestone[];
}

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/** The task's period; the plan year is taken from the schedule, else from its dates, else from `date`. */
export function taskPeriod(task: Schedule, date: IsoDate): Period {
  const year = task.year ?? yearOf(task.deadline ?? task.start ?? date);
  return { start: task.start ?? yearStart(year), end: task.deadline ?? yearEnd(year) };
}

/**
 * Time-elapsed progress (序时进度) in percent, 0–100: how far along the task
 * should be by the END of `date`. Linear over the period by default (on 30
 * June of a 365-day year: 181/365 = 49.6%), or piecewise linear through the
 * milestones when it has some.
 */
export function expectedProgress(task: Schedule, date: IsoDate): number {
  const { start, end } = taskPeriod(task, date);
  // Day positions count whole days done: the day before the start is 0, the deadline is the full length.
  const position = (d: IsoDate) => daysBetween(start, d) + 1;
  const length = Math.max(1, position(end));
  const points: Array<[number, number]> = [[0, 0]];
  for (const m of [...(task.milestones ?? [])].sort((a, b) => a.date.localeCompare(b.date))) {
    points.push([position(m.date), clampPercent(m.percent)]);
  }
  if (points[points.length - 1][0] < length) points.push([length, 100]);
  return clampPercent(interpolate(points, position(date)));
}

function interpolate(points: Array<[number, number]>, x: number): number {
  if (x <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (x <= x1) {
      const [x0, y0] = points[i - 1];
      return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return points[points.length - 1][1];
}

export function clampPercent(p: number): number {
  return Math.min(100, Math.max(0, p));
}
