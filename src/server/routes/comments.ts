import { z } from 'zod';
import { audit } from '../audit.ts';
import { taskAbilities } from '../policies/task.ts';
import { authorize } from '../policies/shared.ts';
import { present } from '../present.ts';
import { idParams, route } from '../route.ts';
import { readableTask, scopeOf } from '../task-view.ts';

export const commentRoutes = [
  route({
    method: 'get', path: '/tasks/:id/comments', tag: 'tasks', params: idParams, summary: 'Comments on a task',
    async handle({ db, actor, params }) {
      await readableTask(db, actor, params.id);
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT c.id, c.task_id, c.body, c.created_at, c.version, u.username, u.display_name
           FROM comments c LEFT JOIN users u ON u.id = c.user_id
          WHERE c.task_id = $1 AND c.archived_at IS NULL ORDER BY c.created_at, c.id`, [params.id]);
      return { items: rows.map(present) };
    },
  }),
  route({
    method: 'post', path: '/tasks/:id/comments', tag: 'tasks', params: idParams, status: 201,
    summary: 'Comment on a task', body: z.object({ body: z.string().trim().min(1).max(10000) }),
    async handle({ db, actor, params, body }) {
      const task = await readableTask(db, actor, params.id);
      authorize(taskAbilities(actor, scopeOf(task)).comment);
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<Record<string, unknown>>(
          'INSERT INTO comments (task_id, user_id, body) VALUES ($1, $2, $3) RETURNING *', [task.id, actor.id, body.body]);
        await audit(tx, { userId: actor.id, action: 'comment.create', entity: 'comment', entityId: rows[0].id as number, after: rows[0] });
        return present(rows[0]);
      });
    },
  }),
];
