import type { Db, Queryable } from '../../store/db.ts';
import type { LedgerChange } from '../../export/ledger-import.ts';
import type { TaskRow } from '../../export/model.ts';
import { ledgerColumns, type FieldValue, type TaskField } from '../../export/task-columns.ts';
import { joinNames } from '../../export/unit-list.ts';
import type { Actor } from '../auth/actor.ts';
import { setAssignment } from '../assignment.ts';
import { audit } from '../audit.ts';
import { updateVersioned } from '../concurrency.ts';
import { badRequest, conflict, Problem } from '../problem.ts';
import { refreshTaskStatus } from '../task-status.ts';
import { monthOf } from './periods.ts';
import { loadPlanSnapshot, type PlanSnapshot, type SnapshotOptions } from './plan-doc.ts';

/** A change as the API shows it: an update also carries the task's current version, to be sent back on apply. */
export type PresentedChange = LedgerChange & { version?: number };

/** Compares an edited ledger with the plan as it stands; writes nothing. */
export async function diffWorkbook(db: Queryable, planId: number, bytes: Uint8Array, o: Pick<SnapshotOptions, 'filters' | 'asOf'>) {
  const snapshot = await loadPlanSnapshot(db, planId, { filters: o.filters, asOf: o.asOf });
  const { diffLedger } = await import('../../export/ledger-import.ts'); // exceljs, loaded on first use
  let diff;
  try {
    diff = await diffLedger(snapshot.doc, bytes);
  } catch {
    throw badRequest('the file is not an .xlsx workbook');
  }
  if (diff.rowsRead === 0 && !diff.changes.some((c) => c.kind === 'add')) {
    throw new Problem(422, 'Unprocessable Content', 'no ledger rows found: upload a workbook written by the ledger export (it keeps the hidden __luoshi_key column)');
  }
  const versions = new Map([...snapshot.facts.values()].map((f) => [String(f.row.id), f.row.version]));
  const changes: PresentedChange[] = diff.changes.map((c) => (c.kind === 'update' ? { ...c, version: versions.get(c.taskId) } : c));
  const count = (kind: LedgerChange['kind']) => changes.filter((c) => c.kind === kind).length;
  return {
    rowsRead: diff.rowsRead,
    summary: { update: count('update'), stale: changes.filter((c) => c.kind === 'update' && c.stale).length, add: count('add'), missing: count('missing'), unknownTask: count('unknown-task'), duplicate: count('duplicate') },
    changes,
  };
}

/** Fields an applied ledger change may set (状态 is computed; 指标 is re-extracted in the task editor). */
export const APPLICABLE_FIELDS = ['no', 'text', 'leaders', 'leadUnit', 'coUnits', 'deadline', 'progress', 'percent'] as const satisfies readonly TaskField[];
export type ApplicableField = (typeof APPLICABLE_FIELDS)[number];

export interface ConfirmedChange {
  taskId: number;
  /** The task's version the change was confirmed against (the diff's `version`). */
  version: number;
  field: ApplicableField;
  before: FieldValue;
  after: FieldValue;
}

const unprocessable = (detail: string, extra?: Record<string, unknown>) => new Problem(422, 'Unprocessable Content', detail, extra);

function normalised(value: FieldValue): string {
  const v = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).join('\n').trim() : value;
  return JSON.stringify(v ?? null);
}

const asText = (v: FieldValue) => (v === null ? '' : Array.isArray(v) ? joinNames(v) : String(v));
const asList = (v: FieldValue) => (Array.isArray(v) ? v : v === null || v === '' ? [] : [String(v)]);

async function unitIds(tx: Queryable, organisationId: number, names: string[]): Promise<number[]> {
  const { rows } = await tx.query<{ id: number; name: string; aliases: unknown }>(
    'SELECT id, name, aliases FROM units WHERE organisation_id = $1 AND archived_at IS NULL', [organisationId]);
  return names.map((name) => {
    const unit = rows.find((u) => u.name === name) ?? rows.find((u) => Array.isArray(u.aliases) && u.aliases.includes(name));
    if (!unit) throw unprocessable(`unknown unit "${name}": add it to the units first, or correct the name`, { unit: name });
    return unit.id;
  });
}

async function leaderId(tx: Queryable, organisationId: number, name: string | undefined): Promise<number | null> {
  if (!name) return null;
  const { rows } = await tx.query<{ id: number }>(
    'SELECT id FROM leaders WHERE organisation_id = $1 AND name = $2 AND archived_at IS NULL', [organisationId, name]);
  return rows[0]?.id ?? null;
}

/** One task's confirmed changes, written: task fields with a version bump, the assignment, a progress report. */
async function applyToTask(tx: Queryable, actor: Actor, snapshot: PlanSnapshot, task: TaskRow, changes: ConfirmedChange[], today: string) {
  const id = Number(task.id);
  const facts = snapshot.facts.get(id)!;
  const after = new Map(changes.map((c) => [c.field, c.after]));
  const columns: Record<string, unknown> = {};
  if (after.has('text')) {
    const text = asText(after.get('text')!);
    if (!text) throw unprocessable(`task ${task.no}: the task text cannot be empty`, { taskId: id });
    columns.text = text;
  }
  if (after.has('no')) columns.no = asText(after.get('no')!);
  if (after.has('deadline')) {
    const d = asText(after.get('deadline')!);
    if (d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw unprocessable(`task ${task.no}: 完成时限 "${d}" is not a date (YYYY-MM-DD)`, { taskId: id });
    columns.deadline = d || null;
  }
  await updateVersioned(tx, 'tasks', id, changes[0].version, columns);

  if (after.has('leaders') || after.has('leadUnit') || after.has('coUnits')) {
    const organisationId = snapshot.plan.organisation_id;
    const leaders = after.has('leaders') ? asList(after.get('leaders')!) : task.leaders;
    const lead = after.has('leadUnit') ? asText(after.get('leadUnit')!) : task.leadUnit ?? '';
    const co = after.has('coUnits') ? asList(after.get('coUnits')!) : task.coUnits;
    const own = await tx.query<{ version: number }>('SELECT version FROM assignments WHERE task_id = $1 AND archived_at IS NULL', [id]);
    await setAssignment(tx, actor, id, {
      leadUnitId: lead ? (await unitIds(tx, organisationId, [lead]))[0] : null,
      coUnitIds: await unitIds(tx, organisationId, co),
      leaderId: await leaderId(tx, organisationId, leaders[0]),
      leaderText: joinNames(leaders),
    }, own.rows[0]?.version ?? null);
  }

  if (after.has('progress') || after.has('percent')) {
    const narrative = after.has('progress') ? asText(after.get('progress')!) : task.progress?.text ?? '';
    const raw = after.has('percent') ? after.get('percent')! : task.progress?.percent ?? null;
    const percent = raw === null || raw === '' ? null : Number(raw);
    if (percent !== null && !(percent >= 0 && percent <= 100)) throw unprocessable(`task ${task.no}: 进度 ${raw} is not between 0 and 100`, { taskId: id });
    const lead = facts.row.units.find((u) => u.role === 'lead');
    const { rows } = await tx.query<Record<string, unknown>>(
      `INSERT INTO progress_reports (task_id, unit_id, period, percent, narrative, status, submitted_by, reviewed_by, reviewed_at)
       VALUES ($1, $2, $3, $4, $5, 'accepted', $6, $6, now()) RETURNING *`,
      [id, lead?.id ?? null, monthOf(today), percent, narrative, actor.id]);
    await audit(tx, { userId: actor.id, action: 'report.create', entity: 'progress_report', entityId: rows[0].id as number, after: { ...rows[0], via: 'ledger' } });
  }

  for (const c of changes) {
    await audit(tx, { userId: actor.id, action: 'task.ledger-apply', entity: 'task', entityId: id, before: { [c.field]: c.before, version: c.version }, after: { [c.field]: c.after } });
  }
  await refreshTaskStatus(tx, id, today, actor.id, 'ledger import');
}

/**
 * Applies confirmed ledger changes in one transaction, each audited. A task
 * whose version moved, or whose field no longer holds the `before` the
 * person confirmed (an assignment or report changed meanwhile), fails the
 * whole batch with 409: nothing is written.
 */
export async function applyLedgerChanges(db: Db, actor: Actor, planId: number, changes: ConfirmedChange[], today: string) {
  return db.transaction(async (tx) => {
    const snapshot = await loadPlanSnapshot(tx, planId, { asOf: today });
    const tasks = new Map(snapshot.doc.sections.flatMap((s) => s.tasks).map((t) => [Number(t.id), t]));
    const byTask = new Map<number, ConfirmedChange[]>();
    for (const c of changes) byTask.set(c.taskId, [...(byTask.get(c.taskId) ?? []), c]);
    const stale: Array<{ taskId: number; field?: string; currentVersion: number }> = [];
    for (const [taskId, list] of byTask) {
      const task = tasks.get(taskId);
      if (!task) throw badRequest(`task ${taskId} is not a task of plan ${planId}`);
      if (new Set(list.map((c) => c.field)).size !== list.length) throw badRequest(`task ${taskId}: one change per field`);
      for (const c of list) {
        const column = ledgerColumns.find((col) => col.field === c.field)!;
        if (c.version !== task.version) stale.push({ taskId, currentVersion: task.version });
        else if (normalised(column.read(task)) !== normalised(c.before)) stale.push({ taskId, field: c.field, currentVersion: task.version });
      }
    }
    if (stale.length) throw conflict('some tasks changed since the ledger was compared; compare it again and confirm the changes anew', { stale });
    const versions: Array<{ taskId: number; version: number }> = [];
    for (const [taskId, list] of byTask) {
      await applyToTask(tx, actor, snapshot, tasks.get(taskId)!, list, today);
      const { rows } = await tx.query<{ version: number }>('SELECT version FROM tasks WHERE id = $1', [taskId]);
      versions.push({ taskId, version: rows[0].version });
    }
    return { applied: changes.length, tasks: versions };
  });
}
