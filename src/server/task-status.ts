import type { Queryable } from '../store/db.ts';
import { evaluateTask, rulesFrom, type StatusRules } from './tracking.ts';

export async function statusRules(db: Queryable, organisationId: number): Promise<StatusRules> {
  const { rows } = await db.query<{ status_rules: unknown }>('SELECT status_rules FROM settings WHERE organisation_id = $1', [organisationId]);
  return rulesFrom(rows[0]?.status_rules);
}

/**
 * Recomputes a task's cached status and actual progress (from its latest
 * accepted report) and records a change in the status history. Derived
 * state: it does not bump the version, so it never makes a user's edit stale.
 */
export async function refreshTaskStatus(tx: Queryable, taskId: number, today: string, userId: number | null, reason = '', rules?: StatusRules): Promise<string> {
  const { rows } = await tx.query<{
    status: string; year: number; starts_on: string | null; deadline: string | null; closed_at: Date | null; targets: unknown[];
    organisation_id: number; period: string | null; percent: number | null; value: number | null;
  }>(
    `SELECT t.status, pl.year, t.starts_on, t.deadline, t.closed_at, t.targets, pl.organisation_id, r.period, r.percent, r.value
       FROM tasks t JOIN plans pl ON pl.id = t.plan_id
       LEFT JOIN LATERAL (SELECT period, percent, value FROM progress_reports
                           WHERE task_id = t.id AND status = 'accepted' AND archived_at IS NULL
                           ORDER BY period DESC, reviewed_at DESC LIMIT 1) r ON true
      WHERE t.id = $1`, [taskId]);
  const t = rows[0];
  const result = evaluateTask({
    year: t.year, startsOn: t.starts_on, deadline: t.deadline, closed: t.closed_at !== null, targets: t.targets,
    report: t.period === null ? undefined : { period: t.period, value: t.value, percent: t.percent },
  }, today, rules ?? await statusRules(tx, t.organisation_id));
  await tx.query('UPDATE tasks SET status = $2, actual_percent = $3, actual_value = $4 WHERE id = $1',
    [taskId, result.status, result.progress ?? null, t.value]);
  if (result.status !== t.status) {
    await tx.query('INSERT INTO status_history (task_id, status, previous, reason, user_id) VALUES ($1, $2, $3, $4, $5)',
      [taskId, result.status, t.status, reason, userId]);
  }
  return result.status;
}
