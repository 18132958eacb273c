import type { Queryable } from '../../store/db.ts';
import type { BulletinInput, UnitReporting } from '../../export/model.ts';
import { expectedProgress } from '../../track/schedule.ts';
import { DEFAULT_WINDOW, parseWindowRule, reportingPeriods, type WindowRule } from '../../track/windows.ts';
import type { Visibility } from '../../store/tasks.ts';
import { badRequest } from '../problem.ts';
import { parsePeriod, type Period } from './periods.ts';
import { isQuotaRow, loadPlanSnapshot, type TaskFacts } from './plan-doc.ts';

async function windowRule(db: Queryable, organisationId: number): Promise<WindowRule> {
  const { rows } = await db.query<{ reporting: unknown }>('SELECT reporting FROM settings WHERE organisation_id = $1', [organisationId]);
  const parsed = parseWindowRule(rows[0]?.reporting && Object.keys(rows[0].reporting as object).length ? rows[0].reporting : DEFAULT_WINDOW);
  return parsed.ok ? parsed.rule : DEFAULT_WINDOW;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Each lead unit's record over the period: the reports its tasks owed whose
 * due date has passed by `today` and of those, the ones filed by the due
 * date (a report later returned still counts as filed on time: the unit did
 * report); mean progress and lagging tasks as of the period's end.
 */
async function unitReporting(db: Queryable, facts: TaskFacts[], rule: WindowRule, period: Period, today: string): Promise<UnitReporting[]> {
  const tasks = facts.filter((f) => !isQuotaRow(f.row) && f.row.units.some((u) => u.role === 'lead'));
  const filed = new Map<string, Date>();
  if (tasks.length) {
    const { rows } = await db.query<{ task_id: number; period: string; first: Date }>(
      `SELECT task_id, period, min(submitted_at) AS first FROM progress_reports
        WHERE task_id = ANY($1::int[]) AND archived_at IS NULL GROUP BY task_id, period`, [tasks.map((f) => f.row.id)]);
    for (const r of rows) filed.set(`${r.task_id}|${r.period}`, new Date(r.first));
  }
  const periods = reportingPeriods(rule, `${period.year}-01-01`, period.end).filter((p) => p.end <= period.end && p.due < today);
  const units = new Map<string, UnitReporting & { progressSum: number }>();
  for (const f of tasks) {
    const name = f.row.units.find((u) => u.role === 'lead')!.name;
    const u = units.get(name) ?? { unit: name, tasks: 0, reportsDue: 0, reportsOnTime: 0, averageProgress: 0, lagging: 0, progressSum: 0 };
    u.tasks += 1;
    u.progressSum += f.evaluation.progress ?? 0;
    if (f.evaluation.level !== 'ok') u.lagging += 1;
    const starts = typeof f.row.starts_on === 'string' ? f.row.starts_on : `${period.year}-01-01`;
    for (const p of periods) {
      if (p.end < starts) continue;
      u.reportsDue += 1;
      const first = filed.get(`${f.row.id}|${p.period}`);
      if (first && first.toISOString().slice(0, 10) <= p.due) u.reportsOnTime += 1;
    }
    units.set(name, u);
  }
  return [...units.values()].map(({ progressSum, ...u }) => ({ ...u, averageProgress: round1(progressSum / u.tasks) }));
}

export interface BulletinRequest {
  period: string;
  today: string;
  visibility?: Visibility;
  issuer?: string;
  issue?: string;
}

/** The supervision bulletin's input for a month, quarter or half-year: statuses and progress as they stood at its end. */
export async function loadBulletinInput(db: Queryable, planId: number, r: BulletinRequest): Promise<BulletinInput> {
  const period = parsePeriod(r.period);
  if (!period) throw badRequest(`period "${r.period}" is not a month (2020-06), quarter (2020Q2), half-year (2020H1) or year (2020)`);
  const asOf = period.end < r.today ? period.end : r.today;
  const snapshot = await loadPlanSnapshot(db, planId, { visibility: r.visibility, asOf, reportsUntil: period.end, issuer: r.issuer, date: r.today });
  if (period.year !== snapshot.plan.year) throw badRequest(`period ${period.code} is outside the plan's year ${snapshot.plan.year}`);
  const rule = await windowRule(db, snapshot.plan.organisation_id);
  return {
    issuer: snapshot.doc.issuer, date: r.today, issue: r.issue,
    period: { label: period.label, asOf, expectedProgress: round1(expectedProgress({ year: period.year }, asOf)) },
    plan: snapshot.doc,
    units: await unitReporting(db, [...snapshot.facts.values()], rule, period, r.today),
  };
}
