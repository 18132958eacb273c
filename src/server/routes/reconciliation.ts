import { z } from 'zod';
import { judgeTarget } from '../../track/judge.ts';
import type { TargetFigure } from '../../track/figures.ts';
import { promiseKeeping, type ReconciledTarget } from '../../track/reconcile.ts';
import type { TargetRecord } from '../../track/match.ts';
import { listTasks } from '../../store/tasks.ts';
import type { Queryable } from '../../store/db.ts';
import { audit } from '../audit.ts';
import { expectedVersion, updateVersioned } from '../concurrency.ts';
import { taskAbilities } from '../policies/task.ts';
import { authorize } from '../policies/shared.ts';
import { badRequest, notFound } from '../problem.ts';
import { present } from '../present.ts';
import { idParams, route, versionField } from '../route.ts';
import { readableTask, scopeOf } from '../task-view.ts';
import { visibilityOf } from './tasks.ts';

interface ActualRow { id: number; task_id: number; target_index: number; value: number | null; text: string; period: string; confirmed: boolean; [k: string]: unknown }

const isTarget = (t: unknown): t is TargetFigure =>
  !!t && typeof t === 'object' && typeof (t as TargetFigure).value === 'number' && typeof (t as TargetFigure).cmp === 'string';

function judge(target: TargetFigure, a: ActualRow | undefined) {
  return judgeTarget(target, a && { value: a.value ?? undefined, unit: target.unit, text: a.text, quote: a.text });
}

/** Re-judges an actual's target and stores the verdict; the verdict is derived, so the version stays. */
async function storeVerdict(tx: Queryable, actualId: number) {
  const { rows } = await tx.query<ActualRow & { targets: unknown[] }>(
    'SELECT a.*, t.targets FROM actuals a JOIN tasks t ON t.id = a.task_id WHERE a.id = $1', [actualId]);
  const target = rows[0].targets[rows[0].target_index];
  const verdict = isTarget(target) ? judge(target, rows[0]).verdict : 'no_data';
  await tx.query('UPDATE actuals SET verdict = $2 WHERE id = $1', [actualId, verdict]);
}

export const reconciliationRoutes = [
  route({
    method: 'get', path: '/plans/:id/reconciliation', tag: 'reconciliation', params: idParams,
    summary: 'Each target of the plan with its actual (confirmed first) and verdict; promise-keeping rates by section and unit',
    async handle({ db, actor, params }) {
      const { rows: tasks } = await listTasks(db, { planId: params.id, limit: 100_000 }, visibilityOf(actor));
      const sections = new Map(tasks.filter((t) => t.kind === 'section').map((t) => [t.id, t.text]));
      const ids = tasks.map((t) => t.id);
      const actuals = ids.length
        ? (await db.query<ActualRow>(
          `SELECT * FROM actuals WHERE task_id = ANY($1::int[]) AND archived_at IS NULL ORDER BY confirmed DESC, id DESC`, [ids])).rows
        : [];
      const items: Array<Record<string, unknown>> = [];
      const reconciled: Array<ReconciledTarget & { section: string; unit: string }> = [];
      for (const t of tasks) {
        for (const [index, target] of t.targets.entries()) {
          if (!isTarget(target)) continue;
          const mine = actuals.filter((a) => a.task_id === t.id && a.target_index === index);
          const chosen = mine.find((a) => a.confirmed);
          const judgement = judge(target, chosen);
          items.push({ taskId: t.id, no: t.no, text: t.text, targetIndex: index, target, actual: chosen ? present(chosen) : null, candidates: mine.filter((a) => !a.confirmed).map(present), judgement });
          reconciled.push({
            target: { ...(target as TargetRecord), indicator: (target as TargetRecord).indicator ?? t.text }, candidates: [], judgement,
            section: t.section_id ? sections.get(t.section_id) ?? '' : '', unit: t.units.find((u) => u.role === 'lead')?.name ?? '',
          });
        }
      }
      return {
        items,
        keeping: {
          plan: promiseKeeping(reconciled),
          sections: promiseKeeping(reconciled, (r) => (r as typeof reconciled[number]).section || undefined),
          units: promiseKeeping(reconciled, (r) => (r as typeof reconciled[number]).unit || undefined),
        },
      };
    },
  }),
  route({
    method: 'post', path: '/tasks/:id/actuals', tag: 'reconciliation', params: idParams, status: 201,
    summary: 'Enter an actual for one of the task\'s targets by hand (office); confirmed at once',
    body: z.object({ targetIndex: z.number().int().min(0).default(0), value: z.number().nullable().optional(), text: z.string().max(2000).default(''), period: z.string().max(20).default('') }),
    async handle({ db, actor, params, body }) {
      const t = await readableTask(db, actor, params.id);
      authorize(taskAbilities(actor, scopeOf(t)).reconcile);
      if (!t.targets[body.targetIndex]) throw badRequest(`task ${t.id} has no target ${body.targetIndex}`);
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: number }>(
          `INSERT INTO actuals (task_id, target_index, value, text, period, source, confirmed, created_by)
           VALUES ($1, $2, $3, $4, $5, 'manual', true, $6) RETURNING id`,
          [t.id, body.targetIndex, body.value ?? null, body.text, body.period, actor.id]);
        await storeVerdict(tx, rows[0].id);
        const after = (await tx.query<Record<string, unknown>>('SELECT * FROM actuals WHERE id = $1', [rows[0].id])).rows[0];
        await audit(tx, { userId: actor.id, action: 'actual.create', entity: 'actual', entityId: rows[0].id, after });
        return present(after);
      });
    },
  }),
  route({
    method: 'post', path: '/actuals/:id/confirm', tag: 'reconciliation', params: idParams,
    summary: 'Confirm an actual found in a later document (office)', body: z.object({ version: versionField }),
    async handle({ db, actor, params, body, ifMatch }) {
      const { rows } = await db.query<{ task_id: number }>('SELECT task_id FROM actuals WHERE id = $1', [params.id]);
      if (!rows[0]) throw notFound('actual');
      const t = await readableTask(db, actor, rows[0].task_id);
      authorize(taskAbilities(actor, scopeOf(t)).reconcile);
      const version = expectedVersion(body.version, ifMatch);
      return db.transaction(async (tx) => {
        await updateVersioned(tx, 'actuals', params.id, version, { confirmed: true });
        await storeVerdict(tx, params.id);
        const after = (await tx.query<Record<string, unknown>>('SELECT * FROM actuals WHERE id = $1', [params.id])).rows[0];
        await audit(tx, { userId: actor.id, action: 'actual.confirm', entity: 'actual', entityId: params.id, after });
        return present(after);
      });
    },
  }),
];
