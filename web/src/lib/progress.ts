import type { ProgressReport, Task } from '../api/types.ts';

export interface ProgressPoint {
  /** Month end, YYYY-MM. */
  month: string;
  /** Time-elapsed progress at month end, 0–100. */
  expected: number;
  /** Latest accepted percentage reported for a period ending on or before this month; null before any. */
  actual: number | null;
}

/** The last month a reporting period covers: 2020-06 → 2020-06, 2020-Q2 → 2020-06, 2020-H1 → 2020-06, 2020 → 2020-12. */
export function periodEndMonth(period: string): string {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$/.exec(period);
  if (!m) return period;
  const month = m[2] ? Number(m[2]) : m[3] ? Number(m[3]) * 3 : m[4] ? Number(m[4]) * 6 : 12;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/**
 * Expected against actual progress, month by month, from the task's start
 * (or 1 January of its deadline year) to its deadline (or 31 December):
 * expected rises linearly, actual steps at each accepted report.
 */
export function progressSeries(task: Pick<Task, 'startsOn' | 'deadline'>, reports: ProgressReport[], fallbackYear: number): ProgressPoint[] {
  const year = task.deadline ? Number(task.deadline.slice(0, 4)) : task.startsOn ? Number(task.startsOn.slice(0, 4)) : fallbackYear;
  const start = monthIndex(task.startsOn?.slice(0, 7) ?? `${year}-01`);
  const end = Math.max(start, monthIndex(task.deadline?.slice(0, 7) ?? `${year}-12`));
  const accepted = reports
    .filter((r) => r.status === 'accepted' && r.percent != null)
    .map((r) => ({ at: monthIndex(periodEndMonth(r.period)), percent: r.percent as number }))
    .sort((a, b) => a.at - b.at);
  const points: ProgressPoint[] = [];
  for (let i = start; i <= end; i++) {
    const latest = accepted.filter((r) => r.at <= i).pop();
    points.push({ month: monthOf(i), expected: Math.round(((i - start + 1) / (end - start + 1)) * 1000) / 10, actual: latest ? latest.percent : null });
  }
  return points;
}

/** A group's colour against time-elapsed progress, as the supervision rule reads by default: red over 30 points behind, yellow over 10. */
export function lagColour(progress: number, expected: number): 'red' | 'yellow' | 'green' {
  return progress + 30 < expected ? 'red' : progress + 10 < expected ? 'yellow' : 'green';
}

export interface ProgressRow {
  name: string;
  total: number;
  progress: number;
}

/** Groups with their mean progress rounded, the furthest behind first. */
export function slowestFirst(groups: { key: string; rollUp: { total: number; meanProgress: number | null } }[]): ProgressRow[] {
  return groups.map((g) => ({ name: g.key, total: g.rollUp.total, progress: Math.round(g.rollUp.meanProgress ?? 0) }))
    .sort((a, b) => a.progress - b.progress || a.name.localeCompare(b.name, 'zh-CN'));
}
