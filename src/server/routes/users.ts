import { z } from 'zod';
import { hashPassword } from '../auth/password.ts';
import { ROLES } from '../auth/actor.ts';
import { audit } from '../audit.ts';
import { expectedVersion, updateVersioned } from '../concurrency.ts';
import { authorize, isAdmin } from '../policies/shared.ts';
import { userAbilities } from '../policies/user.ts';
import { present } from '../present.ts';
import { idParams, route } from '../route.ts';
import { createUser, USER_COLUMNS } from '../users.ts';

const role = z.enum(ROLES as ['admin', 'unit', 'leader', 'viewer']);
const password = z.string().min(8).max(200);

const strip = ({ password_hash: _, ...rest }: Record<string, unknown>) => rest;

export const userRoutes = [
  route({
    method: 'get', path: '/users', tag: 'users', summary: 'Local accounts (office)',
    async handle({ db, actor }) {
      authorize(isAdmin(actor));
      const { rows } = await db.query<Record<string, unknown>>(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`);
      return { items: rows.map((r) => ({ ...present(r), abilities: userAbilities(actor, r.id as number) })) };
    },
  }),
  route({
    method: 'post', path: '/users', tag: 'users', status: 201, summary: 'Create an account with a role',
    body: z.object({
      username: z.string().trim().min(1).max(100).regex(/^[\p{L}\p{N}_.@-]+$/u), password, role,
      displayName: z.string().max(100).optional(), unitId: z.number().int().nullable().optional(), leaderId: z.number().int().nullable().optional(),
    }),
    async handle({ db, actor, body }) {
      authorize(isAdmin(actor));
      return present(await db.transaction((tx) => createUser(tx, body, actor.id)));
    },
  }),
  route({
    method: 'patch', path: '/users/:id', tag: 'users', params: idParams, summary: 'Change role, unit, leader, name or password (office; needs version)',
    body: z.object({
      version: z.number().int().positive().optional(), role: role.optional(), displayName: z.string().max(100).optional(),
      unitId: z.number().int().nullable().optional(), leaderId: z.number().int().nullable().optional(), password: password.optional(),
    }),
    async handle({ db, actor, params, body, ifMatch }) {
      authorize(userAbilities(actor, params.id).update);
      const version = expectedVersion(body.version, ifMatch);
      const changes: Record<string, unknown> = {};
      if (body.role) changes.role = body.role;
      if (body.displayName !== undefined) changes.display_name = body.displayName;
      if (body.unitId !== undefined) changes.unit_id = body.unitId;
      if (body.leaderId !== undefined) changes.leader_id = body.leaderId;
      if (body.password) changes.password_hash = await hashPassword(body.password);
      return db.transaction(async (tx) => {
        const before = await tx.query<Record<string, unknown>>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [params.id]);
        const after = strip(await updateVersioned<Record<string, unknown>>(tx, 'users', params.id, version, changes));
        await audit(tx, { userId: actor.id, action: body.password ? 'user.update+password' : 'user.update', entity: 'user', entityId: params.id, before: before.rows[0], after });
        if (body.password || body.role) await tx.query('UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL', [params.id]);
        return present(after);
      });
    },
  }),
  route({
    method: 'post', path: '/users/:id/archive', tag: 'users', params: idParams, summary: 'Disable an account (kept, never deleted)',
    body: z.object({ version: z.number().int().positive().optional() }),
    async handle({ db, actor, params, body, ifMatch }) {
      authorize(userAbilities(actor, params.id).archive);
      const version = expectedVersion(body.version, ifMatch);
      return db.transaction(async (tx) => {
        const after = strip(await updateVersioned<Record<string, unknown>>(tx, 'users', params.id, version, { archived_at: new Date() }));
        await audit(tx, { userId: actor.id, action: 'user.archive', entity: 'user', entityId: params.id, after });
        await tx.query('UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL', [params.id]);
        return present(after);
      });
    },
  }),
];
