import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../../store/db.ts';
import { audit } from '../audit.ts';
import { expectedVersion, updateVersioned } from '../concurrency.ts';
import { reportAbilities, type ReportFacts } from '../policies/report.ts';
import { taskAbilities } from '../policies/task.ts';
import { authorize } from '../policies/shared.ts';
import { badRequest, notFound } from '../problem.ts';
import { present } from '../present.ts';
import { idParams, route, versionField, type UploadedFile } from '../route.ts';
import { refreshTaskStatus } from '../task-status.ts';
import { readableTask, scopeOf } from '../task-view.ts';
import { isoDay } from '../today.ts';
import type { Actor } from '../auth/actor.ts';

/** Monthly (2020-06), quarterly (2020-Q2), half-yearly (2020-H1) or yearly (2020). */
export const periodSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-?Q[1-4]|-?H[12])?$/, 'period like 2020-06, 2020Q2, 2020-H1 or 2020');
const optionalNumber = z.union([z.number(), z.string().trim().transform((s, ctx) => {
  if (s === '') return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: 'not a number' });
  return n;
})]).optional();

async function storeEvidence(tx: Queryable, actor: Actor, taskId: number, reportId: number | null, files: UploadedFile[]) {
  const out = [];
  for (const f of files) {
    const sha256 = createHash('sha256').update(f.bytes).digest('hex');
    const { rows } = await tx.query<Record<string, unknown>>(
      `INSERT INTO evidence (task_id, report_id, name, mime, size, sha256, content, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, task_id, report_id, name, mime, size, sha256, created_at`,
      [taskId, reportId, f.name.slice(0, 255), f.type, f.bytes.length, sha256, f.bytes, actor.id]);
    await audit(tx, { userId: actor.id, action: 'evidence.create', entity: 'evidence', entityId: rows[0].id as number, after: rows[0] });
    out.push(present(rows[0]));
  }
  return out;
}

async function loadReport(db: Queryable, actor: Actor, id: number) {
  const { rows } = await db.query<Record<string, unknown> & ReportFacts & { task_id: number; version: number; unit_id: number | null }>(
    'SELECT * FROM progress_reports WHERE id = $1 AND archived_at IS NULL', [id]);
  if (!rows[0]) throw notFound('report');
  const task = await readableTask(db, actor, rows[0].task_id);
  return { report: rows[0], task, abilities: reportAbilities(actor, scopeOf(task), { status: rows[0].status, unitId: rows[0].unit_id }) };
}

function review(decision: 'accepted' | 'returned') {
  return async ({ db, actor, params, body, ifMatch, deps }: {
    db: import('../../store/db.ts').Db; actor: Actor; params: { id: number }; body: { version?: number; reason?: string };
    ifMatch: number | undefined; deps: import('../route.ts').AppDeps;
  }) => {
    const { report, task, abilities } = await loadReport(db, actor, params.id);
    authorize(decision === 'accepted' ? abilities.accept : abilities.return, 'only the lead unit or the office reviews a submitted report');
    const version = expectedVersion(body.version, ifMatch);
    const today = isoDay(deps.now());
    const after = await db.transaction(async (tx) => {
      const row = await updateVersioned<Record<string, unknown>>(tx, 'progress_reports', report.id as number, version, {
        status: decision, reason: body.reason ?? '', reviewed_by: actor.id, reviewed_at: deps.now(),
      });
      await audit(tx, { userId: actor.id, action: `report.${decision === 'accepted' ? 'accept' : 'return'}`, entity: 'progress_report', entityId: report.id as number, before: report, after: row });
      await refreshTaskStatus(tx, task.id, today, actor.id, `report ${report.period} ${decision}`);
      return row;
    });
    return present(after);
  };
}

export const reportRoutes = [
  route({
    method: 'get', path: '/tasks/:id/reports', tag: 'progress', params: idParams, summary: 'Progress reports of a task, with their evidence',
    async handle({ db, actor, params }) {
      const task = await readableTask(db, actor, params.id);
      const scope = scopeOf(task);
      const reports = await db.query<Record<string, unknown> & ReportFacts>(
        `SELECT r.*, u.name AS unit_name, s.username AS submitted_by_name
           FROM progress_reports r LEFT JOIN units u ON u.id = r.unit_id LEFT JOIN users s ON s.id = r.submitted_by
          WHERE r.task_id = $1 AND r.archived_at IS NULL ORDER BY r.period DESC, r.submitted_at DESC`, [task.id]);
      const evidence = await db.query<Record<string, unknown>>(
        `SELECT id, report_id, name, mime, size, sha256, created_at FROM evidence WHERE task_id = $1 AND archived_at IS NULL ORDER BY id`, [task.id]);
      return {
        items: reports.rows.map((r) => ({
          ...present(r),
          evidence: evidence.rows.filter((e) => e.report_id === r.id).map(present),
          abilities: reportAbilities(actor, scope, r),
        })),
      };
    },
  }),
  route({
    method: 'post', path: '/tasks/:id/reports', tag: 'progress', params: idParams, multipart: true, status: 201,
    summary: 'Submit a progress report (multipart: period, value, percent, narrative, evidence files)',
    body: z.object({
      period: periodSchema,
      value: optionalNumber,
      percent: optionalNumber.refine((p) => p === undefined || (p >= 0 && p <= 100), 'percent is 0–100'),
      narrative: z.string().max(20000).default(''),
    }),
    async handle({ db, actor, params, body, files }) {
      const task = await readableTask(db, actor, params.id);
      const scope = scopeOf(task);
      authorize(taskAbilities(actor, scope).report, 'only the responsible units report progress on this task');
      if (task.closed_at) throw badRequest('the task is closed');
      if (body.value === undefined && body.percent === undefined && !body.narrative) throw badRequest('give a value, a percentage or a narrative');
      const unitId = actor.role === 'unit' ? actor.unitId : scope.leadUnitIds[0] ?? null;
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<Record<string, unknown>>(
          `INSERT INTO progress_reports (task_id, unit_id, period, value, percent, narrative, submitted_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [task.id, unitId, body.period, body.value ?? null, body.percent ?? null, body.narrative, actor.id]);
        await audit(tx, { userId: actor.id, action: 'report.submit', entity: 'progress_report', entityId: rows[0].id as number, after: rows[0] });
        const evidence = await storeEvidence(tx, actor, task.id, rows[0].id as number, files);
        return { ...present(rows[0]), evidence };
      });
    },
  }),
  route({
    method: 'post', path: '/reports/:id/accept', tag: 'progress', params: idParams,
    summary: 'Accept a submitted report (lead unit or office)', body: z.object({ version: versionField }),
    handle: review('accepted'),
  }),
  route({
    method: 'post', path: '/reports/:id/return', tag: 'progress', params: idParams,
    summary: 'Return a submitted report with a reason', body: z.object({ version: versionField, reason: z.string().trim().min(1).max(2000) }),
    handle: review('returned'),
  }),
  route({
    method: 'post', path: '/tasks/:id/evidence', tag: 'progress', params: idParams, multipart: true, status: 201,
    summary: 'Attach evidence files to a task (office)', body: z.object({}),
    async handle({ db, actor, params, files }) {
      const task = await readableTask(db, actor, params.id);
      authorize(taskAbilities(actor, scopeOf(task)).close, 'only the office attaches evidence outside a report');
      if (files.length === 0) throw badRequest('no file');
      return { items: await db.transaction((tx) => storeEvidence(tx, actor, task.id, null, files)) };
    },
  }),
  route({
    method: 'get', path: '/evidence/:id', tag: 'progress', params: idParams, summary: 'Download an evidence file',
    async handle({ db, actor, params }) {
      const { rows } = await db.query<{ task_id: number; name: string; mime: string; content: Uint8Array | null }>(
        'SELECT task_id, name, mime, content FROM evidence WHERE id = $1 AND archived_at IS NULL', [params.id]);
      if (!rows[0]) throw notFound('evidence');
      await readableTask(db, actor, rows[0].task_id);
      return new Response(Buffer.from(rows[0].content ?? new Uint8Array()), {
        headers: {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(rows[0].name)}`,
          'x-content-type-options': 'nosniff',
        },
      });
    },
  }),
];
