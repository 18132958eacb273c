import { z } from 'zod';
import { listTasks } from '../../store/tasks.ts';
import { idParams, route } from '../route.ts';
import { isoDay } from '../today.ts';
import { expectedPercent } from '../tracking.ts';

/** Disclosure to citizens and deputies: published plans only, no people, no internal notes. */
export const publicRoutes = [
  route({
    method: 'get', path: '/public/plans', tag: 'public', public: true, summary: 'Published plans',
    async handle({ db }) {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT p.id, p.year, p.title, o.id AS organisation_id, o.name AS organisation
           FROM plans p JOIN organisations o ON o.id = p.organisation_id
          WHERE p.status = 'published' AND p.archived_at IS NULL ORDER BY p.year DESC, o.name`);
      return { items: rows.map((r) => ({ id: r.id, year: r.year, title: r.title, organisationId: r.organisation_id, organisation: r.organisation })) };
    },
  }),
  route({
    method: 'get', path: '/public/plans/:id/tasks', tag: 'public', public: true, params: idParams,
    summary: 'Published targets and livelihood projects of a plan with their progress and district quotas',
    query: z.object({ livelihood: z.enum(['true', 'false']).optional() }),
    async handle({ db, params, query, deps }) {
      const today = isoDay(deps.now());
      const { rows } = await listTasks(db, {
        planId: params.id, limit: 100_000, ...(query.livelihood ? { livelihood: query.livelihood === 'true' } : {}),
      }, { publicOnly: true });
      return {
        items: rows.map((t) => ({
          id: t.id, parentId: t.parent_id, kind: t.kind, livelihood: t.livelihood, no: t.no, text: t.text, targets: t.targets,
          district: t.district_name ?? null, deadline: t.deadline, status: t.status, actualPercent: t.actual_percent,
          expectedPercent: Math.round(expectedPercent({ year: t.year, startsOn: t.starts_on, deadline: t.deadline }, today) * 10) / 10,
          leadUnits: t.units.filter((u) => u.role === 'lead').map((u) => u.name),
        })),
      };
    },
  }),
];
