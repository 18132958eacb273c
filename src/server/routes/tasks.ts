import { z } from 'zod';
import { json } from '../../store/db.ts';
import { listTasks, type Visibility } from '../../store/tasks.ts';
import type { Actor } from '../auth/actor.ts';
import { setAssignment } from '../assignment.ts';
import { audit } from '../audit.ts';
import { expectedVersion, updateVersioned } from '../concurrency.ts';
import { taskAbilities } from '../policies/task.ts';
import { authorize, isAdmin } from '../policies/shared.ts';
import { Problem } from '../problem.ts';
import { cachedJson } from '../read-cache.ts';
import { idParams, route, versionField } from '../route.ts';
import { refreshTaskStatus } from '../task-status.ts';
import { presentTask, readableTask, scopeOf } from '../task-view.ts';
import { isoDay } from '../today.ts';
import { TASK_STATUSES } from '../tracking.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const kind = z.enum(['section', 'target', 'task', 'project', 'subtask']);
const boolFlag = z.enum(['true', 'false']).transform((s) => s === 'true');

export function visibilityOf(a: Actor): Visibility {
  if (a.role === 'unit') return { unitId: a.unitId ?? -1 };
  if (a.role === 'leader') return { leaderId: a.leaderId ?? -1 };
  return {};
}

export const taskListQuery = z.object({
  planId: z.coerce.number().int().optional(),
  organisationId: z.coerce.number().int().optional(),
  sectionId: z.coerce.number().int().optional(),
  parentId: z.coerce.number().int().optional(),
  unitId: z.coerce.number().int().optional(),
  leaderId: z.coerce.number().int().optional(),
  districtId: z.coerce.number().int().optional(),
  kind: kind.optional(),
  status: z.enum(TASK_STATUSES as unknown as [string, ...string[]]).optional(),
  livelihood: boolFlag.optional(),
  deadlineBefore: isoDate.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

const assignmentBody = z.object({
  leadUnitId: z.number().int().nullable().optional(),
  coUnitIds: z.array(z.number().int()).max(100).optional(),
  leaderId: z.number().int().nullable().optional(),
  leaderText: z.string().max(200).optional(),
  personInCharge: z.string().max(200).optional(),
  deadline: isoDate.nullable().optional(),
});

export const taskRoutes = [
  route({
    method: 'get', path: '/tasks', tag: 'tasks', query: taskListQuery,
    summary: 'Tasks the user may see, filtered (section, unit, leader, district, kind, status, deadline, q)',
    async handle({ db, actor, query, deps, fresh }) {
      const today = isoDay(deps.now());
      // What a page shows depends on the filters, the day and, through visibility and
      // abilities, only on the actor's role, unit and leader: one entry per combination.
      const key = `tasks:${JSON.stringify(query)}:${actor.role}:${actor.unitId ?? ''}:${actor.leaderId ?? ''}:${today}`;
      return cachedJson(deps.readCache, key, db, async (reading) => {
        const { rows, total } = await listTasks(reading, query, visibilityOf(actor));
        return { total, items: rows.map((t) => presentTask(t, actor, today)) };
      }, fresh);
    },
  }),
  route({
    method: 'get', path: '/tasks/:id', tag: 'tasks', params: idParams, summary: 'One task with its assignment and abilities',
    async handle({ db, actor, params, deps, c }) {
      const t = await readableTask(db, actor, params.id);
      c.header('ETag', `"${t.version}"`);
      return presentTask(t, actor, isoDay(deps.now()));
    },
  }),
  route({
    method: 'patch', path: '/tasks/:id', tag: 'tasks', params: idParams,
    summary: 'Edit a task (office); needs its version',
    body: z.object({
      version: versionField,
      text: z.string().min(1).max(20000).optional(),
      no: z.string().max(50).optional(),
      kind: kind.optional(),
      livelihood: z.boolean().optional(),
      targets: z.array(z.record(z.string(), z.unknown())).max(50).optional(),
      startsOn: isoDate.nullable().optional(),
      deadline: isoDate.nullable().optional(),
      published: z.boolean().optional(),
      districtId: z.number().int().nullable().optional(),
    }),
    async handle({ db, actor, params, body, ifMatch, deps }) {
      const t = await readableTask(db, actor, params.id);
      authorize(taskAbilities(actor, scopeOf(t)).update, 'only the supervision office edits tasks');
      const version = expectedVersion(body.version, ifMatch);
      const columns: Record<string, unknown> = {};
      const map: Record<string, string> = { startsOn: 'starts_on', districtId: 'district_id' };
      for (const [k, v] of Object.entries(body)) {
        if (k === 'version' || v === undefined) continue;
        columns[map[k] ?? k] = k === 'targets' ? json(v) : v;
      }
      const today = isoDay(deps.now());
      await db.transaction(async (tx) => {
        const before = await tx.query('SELECT * FROM tasks WHERE id = $1', [t.id]);
        const after = await updateVersioned(tx, 'tasks', t.id, version, columns);
        await audit(tx, { userId: actor.id, action: 'task.update', entity: 'task', entityId: t.id, before: before.rows[0], after });
        await refreshTaskStatus(tx, t.id, today, actor.id, 'edited');
      });
      return presentTask(await readableTask(db, actor, t.id), actor, today);
    },
  }),
  route({
    method: 'put', path: '/tasks/:id/assignment', tag: 'tasks', params: idParams,
    summary: 'Assign a task: lead unit, co-units, leader, person in charge, deadline (version: the assignment\'s, null when new)',
    body: assignmentBody.extend({ version: z.number().int().positive().nullable() }),
    async handle({ db, actor, params, body, deps }) {
      const t = await readableTask(db, actor, params.id);
      authorize(taskAbilities(actor, scopeOf(t)).assign, 'only the supervision office assigns tasks');
      const { version, ...input } = body;
      await db.transaction((tx) => setAssignment(tx, actor, t.id, input, version));
      return presentTask(await readableTask(db, actor, t.id), actor, isoDay(deps.now()));
    },
  }),
  route({
    method: 'post', path: '/tasks/bulk-assign', tag: 'tasks',
    summary: 'Assign many tasks at once, all or nothing; each task carries the assignment version it was seen with',
    body: assignmentBody.extend({
      tasks: z.array(z.object({ id: z.number().int(), assignmentVersion: z.number().int().nullable() })).min(1).max(1000),
    }),
    async handle({ db, actor, body }) {
      authorize(isAdmin(actor), 'only the supervision office assigns tasks');
      const { tasks, ...input } = body;
      await db.transaction(async (tx) => {
        for (const t of tasks) await setAssignment(tx, actor, t.id, input, t.assignmentVersion);
      });
      return { assigned: tasks.length };
    },
  }),
  route({
    method: 'post', path: '/tasks/:id/close', tag: 'tasks', params: idParams,
    summary: 'Close a task (销号): office only, needs evidence on file',
    body: z.object({ version: versionField, note: z.string().max(2000).default('') }),
    async handle({ db, actor, params, body, ifMatch, deps }) {
      const t = await readableTask(db, actor, params.id);
      authorize(taskAbilities(actor, scopeOf(t)).close, 'only the supervision office closes tasks');
      const version = expectedVersion(body.version, ifMatch);
      const today = isoDay(deps.now());
      await db.transaction(async (tx) => {
        const ev = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM evidence e LEFT JOIN progress_reports r ON r.id = e.report_id
            WHERE e.task_id = $1 AND e.archived_at IS NULL AND (r.id IS NULL OR r.status = 'accepted')`, [t.id]);
        if (ev.rows[0].n === 0) throw new Problem(422, 'Unprocessable Content', 'a task is closed only with evidence: attach it to an accepted report first');
        const after = await updateVersioned(tx, 'tasks', t.id, version, { closed_at: deps.now(), closed_by: actor.id });
        await audit(tx, { userId: actor.id, action: 'task.close', entity: 'task', entityId: t.id, before: { closed_at: null }, after: { ...after, note: body.note } });
        await refreshTaskStatus(tx, t.id, today, actor.id, body.note || 'closed');
      });
      return presentTask(await readableTask(db, actor, t.id), actor, today);
    },
  }),
  route({
    method: 'get', path: '/tasks/:id/history', tag: 'tasks', params: idParams, summary: 'Status history of a task',
    async handle({ db, actor, params }) {
      await readableTask(db, actor, params.id);
      const { rows } = await db.query(
        `SELECT h.id, h.status, h.previous, h.reason, h.at, u.username AS "user"
           FROM status_history h LEFT JOIN users u ON u.id = h.user_id WHERE h.task_id = $1 ORDER BY h.at, h.id`, [params.id]);
      return { items: rows };
    },
  }),
];
