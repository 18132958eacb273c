import { z } from 'zod';
import { auditAbilities } from '../policies/audit.ts';
import { authorize } from '../policies/shared.ts';
import { present } from '../present.ts';
import { route } from '../route.ts';

export const auditRoutes = [
  route({
    method: 'get', path: '/audit', tag: 'audit', summary: 'The append-only audit log (office), newest first',
    query: z.object({
      entity: z.string().max(50).optional(), entityId: z.string().max(50).optional(), userId: z.coerce.number().int().optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200), before: z.coerce.number().int().optional(),
    }),
    async handle({ db, actor, query }) {
      authorize(auditAbilities(actor).read);
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT a.*, u.username FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
          WHERE ($1::text IS NULL OR a.entity = $1) AND ($2::text IS NULL OR a.entity_id = $2)
            AND ($3::int IS NULL OR a.user_id = $3) AND ($4::int IS NULL OR a.id < $4)
          ORDER BY a.id DESC LIMIT $5`,
        [query.entity ?? null, query.entityId ?? null, query.userId ?? null, query.before ?? null, query.limit]);
      return { items: rows.map(present) };
    },
  }),
];
