import { z } from 'zod';
import { canReadNotification } from '../policies/notification.ts';
import { notFound } from '../problem.ts';
import { present } from '../present.ts';
import { idParams, route } from '../route.ts';

export const notificationRoutes = [
  route({
    method: 'get', path: '/notifications', tag: 'notifications', summary: 'My notifications (reports due/overdue, deadlines), newest first',
    query: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
    async handle({ db, actor, query }) {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT * FROM notifications
          WHERE ($1 OR user_id = $2 OR (user_id IS NULL AND unit_id = $3)) AND ($4 = false OR read_at IS NULL)
          ORDER BY created_at DESC, id DESC LIMIT $5`,
        [actor.role === 'admin', actor.id, actor.unitId ?? -1, query.unread === 'true', query.limit]);
      return { items: rows.map(present) };
    },
  }),
  route({
    method: 'post', path: '/notifications/:id/read', tag: 'notifications', params: idParams, summary: 'Mark a notification read',
    async handle({ db, actor, params }) {
      const { rows } = await db.query<{ user_id: number | null; unit_id: number | null }>('SELECT user_id, unit_id FROM notifications WHERE id = $1', [params.id]);
      if (!rows[0] || !canReadNotification(actor, rows[0])) throw notFound('notification');
      await db.query('UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1', [params.id]);
      return { ok: true };
    },
  }),
];
