import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { reportAbilities, type ReportFacts } from '../policies/report.ts';
import { present } from '../present.ts';
import { route } from '../route.ts';

/**
 * Which reports a user sees across tasks: the office and viewers all; a unit its
 * own submissions and those on the tasks it leads (which it reviews); a leader
 * those on the tasks in their charge. A task's responsibility is its own
 * assignment, or else its project's.
 */
function visibility(actor: Actor, add: (v: unknown) => string): string {
  if (actor.role === 'unit') {
    const unit = add(actor.unitId ?? -1);
    return `(r.unit_id = ${unit} OR ${unit} = ANY(ea.lead_unit_ids))`;
  }
  if (actor.role === 'leader') return `ea.leader_id = ${add(actor.leaderId ?? -1)}`;
  return 'true';
}

const EFFECTIVE_ASSIGNMENT = `
  LEFT JOIN LATERAL (
    SELECT a.leader_id,
           ARRAY(SELECT au.unit_id FROM assignment_units au WHERE au.assignment_id = a.id AND au.role = 'lead') AS lead_unit_ids,
           ARRAY(SELECT au.unit_id FROM assignment_units au WHERE au.assignment_id = a.id) AS unit_ids
      FROM assignments a
     WHERE a.archived_at IS NULL AND (a.task_id = t.id OR a.task_id = t.parent_id)
     ORDER BY (a.task_id = t.id) DESC LIMIT 1) ea ON true`;

export const reportQueueRoutes = [
  route({
    method: 'get', path: '/reports', tag: 'progress',
    summary: 'Progress reports across tasks, newest first, with their task\'s number and text: the review queue and a unit\'s own reports',
    query: z.object({
      status: z.enum(['submitted', 'accepted', 'returned']).optional(),
      unitId: z.coerce.number().int().optional(),
      planId: z.coerce.number().int().optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
    async handle({ db, actor, query }) {
      const params: unknown[] = [];
      const add = (v: unknown) => { params.push(v); return `$${params.length}`; };
      const conds = ['r.archived_at IS NULL', 't.archived_at IS NULL', visibility(actor, add)];
      if (query.status) conds.push(`r.status = ${add(query.status)}`);
      if (query.unitId !== undefined) conds.push(`r.unit_id = ${add(query.unitId)}`);
      if (query.planId !== undefined) conds.push(`t.plan_id = ${add(query.planId)}`);
      const limit = add(query.limit);
      const { rows } = await db.query<Record<string, unknown> & ReportFacts & {
        lead_unit_ids: number[] | null; unit_ids: number[] | null; leader_id: number | null; total: number;
      }>(
        `SELECT r.*, t.no AS task_no, t.text AS task_text, t.plan_id, u.name AS unit_name, s.username AS submitted_by_name,
                ea.lead_unit_ids, ea.unit_ids, ea.leader_id, count(*) OVER ()::int AS total
           FROM progress_reports r
           JOIN tasks t ON t.id = r.task_id
           ${EFFECTIVE_ASSIGNMENT}
           LEFT JOIN units u ON u.id = r.unit_id
           LEFT JOIN users s ON s.id = r.submitted_by
          WHERE ${conds.join(' AND ')}
          ORDER BY r.submitted_at DESC, r.id DESC
          LIMIT ${limit}`, params);
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map(({ lead_unit_ids, unit_ids, leader_id, total: _total, ...r }) => ({
          ...present(r),
          abilities: reportAbilities(actor, { leadUnitIds: lead_unit_ids ?? [], unitIds: unit_ids ?? [], leaderId: leader_id }, {
            status: r.status as ReportFacts['status'], unitId: r.unit_id as number | null,
          }),
        })),
      };
    },
  }),
];
