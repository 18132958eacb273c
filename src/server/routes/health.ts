import { z } from 'zod';
import { route } from '../route.ts';

export const healthRoutes = [
  route({
    method: 'get', path: '/health', tag: 'system', public: true,
    summary: 'Liveness and the kind of store',
    response: z.object({ ok: z.boolean(), database: z.enum(['pglite', 'postgres']) }),
    async handle({ db }) {
      await db.query('SELECT 1');
      return { ok: true, database: db.kind };
    },
  }),
];
