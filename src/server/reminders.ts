import { json, type Db, type Queryable } from '../store/db.ts';
import { deadlineReminders, dueReports, DEFAULT_WINDOW, type ScheduledTask, type WindowRule } from '../track/windows.ts';
import { refreshTaskStatus, statusRules } from './task-status.ts';

interface OpenTask {
  id: number; organisation_id: number; year: number; starts_on: string | null; deadline: string | null;
  status: string; text: string; lead_unit_id: number | null;
}

function windowRule(reporting: unknown): WindowRule {
  const r = reporting as Partial<{ kind: string; dueDay: number }> | null;
  if (r && (r.kind === 'monthly' || r.kind === 'quarterly') && Number.isInteger(r.dueDay) && r.dueDay! >= 1 && r.dueDay! <= 28) {
    return { kind: r.kind, dueDay: r.dueDay! };
  }
  return DEFAULT_WINDOW;
}

async function notify(tx: Queryable, n: { organisationId: number; unitId: number | null; taskId: number; kind: string; message: string; dueOn: string; key: string }) {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO notifications (organisation_id, unit_id, task_id, kind, message, due_on, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [n.organisationId, n.unitId, n.taskId, n.kind, n.message, n.dueOn, n.key]);
  if (!rows[0]) return 0;
  await tx.query(
    `INSERT INTO webhook_deliveries (webhook_id, notification_id, payload)
     SELECT id, $2, $3::jsonb FROM webhooks WHERE organisation_id = $1 AND active AND archived_at IS NULL`,
    [n.organisationId, rows[0].id, json({ event: n.kind, message: n.message, taskId: n.taskId, unitId: n.unitId, dueOn: n.dueOn })]);
  return 1;
}

/**
 * The daily run: refreshes every open task's status (time passes), and
 * creates notifications — reports due and overdue under each organisation's
 * reporting window, deadlines near or passed — each once, queued to the
 * organisation's webhooks. One transaction per organisation; `signal` stops the run
 * between organisations (a server shutting down waits for one, not for all).
 */
export async function runReminders(db: Db, today: string, signal?: AbortSignal): Promise<{ notifications: number; statusChanges: number }> {
  const { rows } = await db.query<OpenTask>(
    `SELECT t.id, p.organisation_id, p.year, t.starts_on, t.deadline, t.status, t.text,
            (SELECT au.unit_id FROM assignments a JOIN assignment_units au ON au.assignment_id = a.id
              WHERE a.task_id = t.id AND a.archived_at IS NULL AND au.role = 'lead' LIMIT 1) AS lead_unit_id
       FROM tasks t JOIN plans p ON p.id = t.plan_id
      WHERE t.archived_at IS NULL AND p.archived_at IS NULL AND t.kind <> 'section' AND t.closed_at IS NULL
        AND t.status <> 'done' AND p.status = 'published' AND t.published`);
  const byOrg = new Map<number, OpenTask[]>();
  for (const t of rows) byOrg.set(t.organisation_id, [...(byOrg.get(t.organisation_id) ?? []), t]);
  let notifications = 0;
  let statusChanges = 0;
  for (const [orgId, tasks] of byOrg) {
    if (signal?.aborted) break;
    await db.transaction(async (tx) => {
      const settings = await tx.query<{ reporting: unknown }>('SELECT reporting FROM settings WHERE organisation_id = $1', [orgId]);
      const rule = windowRule(settings.rows[0]?.reporting);
      const rules = await statusRules(tx, orgId);
      for (const t of tasks) {
        const status = await refreshTaskStatus(tx, t.id, today, null, 'daily run', rules);
        if (status !== t.status) statusChanges++;
      }
      const ids = tasks.map((t) => t.id);
      const filed = await tx.query<{ task_id: number; period: string }>(
        `SELECT DISTINCT task_id, period FROM progress_reports WHERE task_id = ANY($1::int[]) AND status <> 'returned' AND archived_at IS NULL`, [ids]);
      const scheduled: ScheduledTask[] = tasks.map((t) => ({
        id: String(t.id), schedule: { year: t.year, start: t.starts_on ?? undefined, deadline: t.deadline ?? undefined },
      }));
      const byId = new Map(tasks.map((t) => [String(t.id), t]));
      for (const d of dueReports(scheduled, filed.rows.map((r) => ({ taskId: String(r.task_id), period: r.period })), today, rule)) {
        const t = byId.get(d.taskId)!;
        const kind = d.state === 'due' ? 'report_due' : 'report_overdue';
        const message = d.state === 'due'
          ? `请于${d.due}前报送${d.period}进度:${t.text.slice(0, 60)}`
          : `${d.period}进度已逾期${d.daysOverdue}天未报送:${t.text.slice(0, 60)}`;
        notifications += await notify(tx, { organisationId: orgId, unitId: t.lead_unit_id, taskId: t.id, kind, message, dueOn: d.due, key: `${kind}:${t.id}:${d.period}` });
      }
      for (const r of deadlineReminders(scheduled, today, rules.nearDeadlineDays)) {
        const t = byId.get(r.taskId)!;
        const message = r.kind === 'deadline_near' ? `距完成时限${r.deadline}还有${r.daysLeft}天:${t.text.slice(0, 60)}` : `已超过完成时限${r.deadline}:${t.text.slice(0, 60)}`;
        notifications += await notify(tx, { organisationId: orgId, unitId: t.lead_unit_id, taskId: t.id, kind: r.kind, message, dueOn: r.deadline, key: `${r.kind}:${t.id}:${r.deadline}` });
      }
    });
  }
  return { notifications, statusChanges };
}

export const MAX_WEBHOOK_ATTEMPTS = 6;

/** Minutes to wait after the n-th failed attempt: 1, 2, 4, 8, 16. */
export const backoffMinutes = (attempt: number) => 2 ** (attempt - 1);

/**
 * Sends due webhook deliveries; every attempt is logged, a failure is
 * retried with exponential backoff and given up after MAX_WEBHOOK_ATTEMPTS.
 */
export async function deliverWebhooks(db: Db, now: Date, send: typeof fetch = fetch): Promise<{ delivered: number; failed: number }> {
  const { rows } = await db.query<{ id: number; url: string; payload: unknown; attempts: number }>(
    `SELECT d.id, w.url, d.payload, d.attempts FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
      WHERE d.state = 'pending' AND d.next_attempt_at <= $1 ORDER BY d.id LIMIT 100`, [now]);
  let delivered = 0;
  let failed = 0;
  for (const d of rows) {
    const attempt = d.attempts + 1;
    let status: number | null = null;
    let error = '';
    try {
      const res = await send(d.url, {
        method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'luoshi-webhook' },
        body: JSON.stringify(d.payload), signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const ok = error === '';
    const state = ok ? 'delivered' : attempt >= MAX_WEBHOOK_ATTEMPTS ? 'failed' : 'pending';
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO webhook_attempts (delivery_id, attempt, response_status, error) VALUES ($1, $2, $3, $4)', [d.id, attempt, status, error]);
      await tx.query(
        `UPDATE webhook_deliveries SET attempts = $2, state = $3, next_attempt_at = $4 WHERE id = $1`,
        [d.id, attempt, state, new Date(now.getTime() + backoffMinutes(attempt) * 60_000)]);
    });
    if (ok) delivered++;
    else if (state === 'failed') failed++;
  }
  return { delivered, failed };
}
