import type { IsoDate } from './date.ts';
import type { Reason } from './figures.ts';
import type { Schedule } from './schedule.ts';
import { z } from 'zod';
import { dateIn, daysBetween, isIsoDate, lastDayOfMonth, yearOf } from './date.ts';
import { taskPeriod } from './schedule.ts';

/**
 * When units report. Monthly due by the 5th of the next month is the
 * default; quarterly reports are due in the month after the quarter; a
 * custom rule lists its periods.
 */
export type WindowRule =
  | { kind: 'monthly'; dueDay: number }
  | { kind: 'quarterly'; dueDay: number }
  | { kind: 'custom'; periods: readonly ReportingPeriod[] };

export const DEFAULT_WINDOW: WindowRule = { kind: 'monthly', dueDay: 5 };

export interface ReportingPeriod {
  /** `2019-03` for a month, `2019Q1` for a quarter, any label for a custom period. */
  period: string;
  start: IsoDate;
  end: IsoDate;
  /** Last day on which the report is on time. */
  due: IsoDate;
}

const isoDate = z.string().refine(isIsoDate, 'not a date (YYYY-MM-DD)');
const dueDay = z.number().int().min(1).max(31);
const windowRuleInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monthly'), dueDay: dueDay.default(5) }).strict(),
  z.object({ kind: z.literal('quarterly'), dueDay: dueDay.default(5) }).strict(),
  z.object({
    kind: z.literal('custom'),
    periods: z.array(z.object({ period: z.string().trim().min(1), start: isoDate, end: isoDate, due: isoDate }).strict()
      .refine((p) => p.start <= p.end && p.end <= p.due, 'needs start ≤ end ≤ due')).min(1),
  }).strict(),
]);

/** Reads an organisation's reporting rule from JSON, saying what is wrong instead of throwing. */
export function parseWindowRule(input: unknown): { ok: true; rule: WindowRule } | { ok: false; errors: string[] } {
  const parsed = windowRuleInput.safeParse(input ?? DEFAULT_WINDOW);
  return parsed.success
    ? { ok: true, rule: parsed.data }
    : { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(rule)'}: ${i.message}`) };
}

/** The reporting periods that overlap `from`..`to`. */
export function reportingPeriods(rule: WindowRule, from: IsoDate, to: IsoDate): ReportingPeriod[] {
  const overlaps = (p: ReportingPeriod) => p.end >= from && p.start <= to;
  if (rule.kind === 'custom') return rule.periods.filter(overlaps);
  const step = rule.kind === 'monthly' ? 1 : 3;
  const out: ReportingPeriod[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    for (let month = 1; month <= 12; month += step) {
      const last = month + step - 1;
      const period = rule.kind === 'monthly' ? `${year}-${String(month).padStart(2, '0')}` : `${year}Q${(month + 2) / 3}`;
      const p = { period, start: dateIn(year, month, 1), end: lastDayOfMonth(year, last), due: dateIn(year, last + 1, rule.dueDay) };
      if (overlaps(p)) out.push(p);
    }
  }
  return out;
}

export interface ReportDue {
  taskId: string;
  period: string;
  due: IsoDate;
  state: 'due' | 'overdue';
  /** Days past the due date; 0 while still due. */
  daysOverdue: number;
  /** The text of the reminder (催报). */
  message: Reason;
}

export interface ScheduledTask {
  id: string;
  schedule: Schedule;
  /** Done or closed tasks owe no more reports. */
  finished?: boolean;
}

/**
 * The reports owed on `date`: for every period of a task's run that has
 * ended, without a report for it — due until the due day, overdue after.
 */
export function dueReports(
  tasks: readonly ScheduledTask[],
  reports: ReadonlyArray<{ taskId: string; period: string }>,
  date: IsoDate,
  rule: WindowRule = DEFAULT_WINDOW,
): ReportDue[] {
  const filed = new Set(reports.map((r) => `${r.taskId}\u0000${r.period}`));
  const out: ReportDue[] = [];
  for (const task of tasks) {
    if (task.finished) continue;
    const { start, end } = taskPeriod(task.schedule, date);
    for (const p of reportingPeriods(rule, start, end)) {
      if (p.end >= date || filed.has(`${task.id}\u0000${p.period}`)) continue;
      const late = daysBetween(p.due, date);
      out.push(late > 0
        ? { taskId: task.id, period: p.period, due: p.due, state: 'overdue', daysOverdue: late, message: {
          code: 'REPORT_OVERDUE', zh: `${p.period}进度报告已逾期${late}天（应于${p.due}前报送）`, en: `the progress report for ${p.period} is ${late} day${late === 1 ? '' : 's'} late (due by ${p.due})` } }
        : { taskId: task.id, period: p.period, due: p.due, state: 'due', daysOverdue: 0, message: {
          code: 'REPORT_DUE', zh: `请于${p.due}前报送${p.period}进度`, en: `the progress report for ${p.period} is due by ${p.due}` } });
    }
  }
  return out;
}

export interface DeadlineReminder {
  taskId: string;
  deadline: IsoDate;
  /** Negative once the deadline has passed. */
  daysLeft: number;
  kind: 'deadline_near' | 'deadline_passed';
  message: Reason;
}

/** Unfinished tasks whose deadline is within `withinDays` of `date`, or already past (催办 candidates). */
export function deadlineReminders(tasks: readonly ScheduledTask[], date: IsoDate, withinDays = 3): DeadlineReminder[] {
  const out: DeadlineReminder[] = [];
  for (const task of tasks) {
    if (task.finished) continue;
    const deadline = taskPeriod(task.schedule, date).end;
    const daysLeft = daysBetween(date, deadline);
    if (daysLeft > withinDays) continue;
    out.push(daysLeft < 0
      ? { taskId: task.id, deadline, daysLeft, kind: 'deadline_passed', message: {
        code: 'DEADLINE_PASSED', zh: `已超过完成时限（${deadline}）${-daysLeft}天`, en: `${-daysLeft} day${daysLeft === -1 ? '' : 's'} past the deadline (${deadline})` } }
      : { taskId: task.id, deadline, daysLeft, kind: 'deadline_near', message: {
        code: 'DEADLINE_NEAR', zh: `距完成时限（${deadline}）还有${daysLeft}天`, en: `${daysLeft} day${daysLeft === 1 ? '' : 's'} to the deadline (${deadline})` } });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}
