import { z } from 'zod';
import type { Queryable } from '../../store/db.ts';
import { listTasks, type Visibility } from '../../store/tasks.ts';
import { cachedJson } from '../read-cache.ts';
import { route } from '../route.ts';
import { isoDay } from '../today.ts';
import { expectedPercent, rollUp, type TrackedTask } from '../tracking.ts';
import { visibilityOf } from './tasks.ts';

export const dashboardRoutes = [
  route({
    method: 'get', path: '/dashboard', tag: 'dashboard',
    summary: 'Roll-up of status and progress (plan, sections, units, leaders, districts), lagging tasks, monthly trend',
    query: z.object({ planId: z.coerce.number().int() }),
    async handle({ db, actor, query, deps, fresh }) {
      const today = isoDay(deps.now());
      const visibility = visibilityOf(actor);
      // The roll-up depends only on the plan, what the actor may see and the day: one per
      // combination until a write to a table it reads (src/server/read-cache.ts).
      const key = `dashboard:${query.planId}:${visibility.unitId ?? ''}:${visibility.leaderId ?? ''}:${today}`;
      // Two parts cached on their own: a report submission stales only the trend (it reads
      // progress reports), so the roll-up over every task is not computed again for it. The
      // trend's key names its tasks: a changed set of visible tasks is never served another's.
      return cachedJson(deps.readCache, key, db, async (reading) => {
        const board = await deps.readCache.get(`${key}:tasks`, reading, (r) => rollUpOfTasks(r, query.planId, visibility, today), fresh);
        const trend = await deps.readCache.get(`${key}:trend:${board.ids.join(',')}`, reading, (r) => monthlyTrend(r, board.ids), fresh);
        return { ...board.body, trend };
      }, fresh);
    },
  }),
];

async function rollUpOfTasks(db: Queryable, planId: number, visibility: Visibility, today: string) {
  const { rows } = await listTasks(db, { planId, limit: 100_000 }, visibility);
  const sections = new Map(rows.filter((t) => t.kind === 'section').map((t) => [t.id, t.text]));
  const work = rows.filter((t) => t.kind !== 'section');
  const tracked: TrackedTask[] = work.map((t) => ({
    id: String(t.id),
    status: t.status as TrackedTask['status'],
    progress: t.actual_percent ?? undefined,
    section: t.section_id ? sections.get(t.section_id) ?? String(t.section_id) : undefined,
    leadUnit: t.units.find((u) => u.role === 'lead')?.name,
    coUnits: t.units.filter((u) => u.role === 'co').map((u) => u.name),
    leader: (t.leader_name as string | null) ?? undefined,
    scope: (t.district_name as string | null) ?? undefined,
  }));
  const expected = work.length
    ? work.reduce((s, t) => s + expectedPercent({ year: t.year, startsOn: t.starts_on, deadline: t.deadline }, today), 0) / work.length
    : 0;
  const lagging = work
    .filter((t) => t.status === 'seriously_behind' || t.status === 'overdue' || t.status === 'behind')
    .slice(0, 50)
    .map((t) => ({ id: t.id, no: t.no, text: t.text, status: t.status, actualPercent: t.actual_percent, deadline: t.deadline }));
  return {
    ids: work.map((t) => t.id),
    body: { date: today, expectedPercent: Math.round(expected * 10) / 10, rollUp: rollUp(tracked), lagging },
  };
}

/** Reports per month over the given tasks: how many were filed, how many accepted, their mean percentage. */
async function monthlyTrend(db: Queryable, ids: number[]) {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ period: string; reports: number; accepted: number; mean_percent: number | null }>(
    `SELECT period, count(*)::int AS reports, count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
            avg(percent) FILTER (WHERE status = 'accepted') AS mean_percent
       FROM progress_reports WHERE task_id = ANY($1::int[]) AND archived_at IS NULL GROUP BY period ORDER BY period`, [ids]);
  return rows;
}
