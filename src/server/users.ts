import type { Db, Queryable } from '../store/db.ts';
import type { Role } from './auth/actor.ts';
import { hashPassword, randomPassword } from './auth/password.ts';
import { audit } from './audit.ts';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  displayName?: string;
  unitId?: number | null;
  leaderId?: number | null;
}

const PUBLIC_COLUMNS = 'id, username, display_name, role, unit_id, leader_id, created_at, updated_at, archived_at, version';

/** Creates a local account; only the scrypt hash of the password is stored. */
export async function createUser(tx: Queryable, u: NewUser, byUserId: number | null): Promise<Record<string, unknown>> {
  const { rows } = await tx.query<Record<string, unknown>>(
    `INSERT INTO users (username, display_name, password_hash, role, unit_id, leader_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${PUBLIC_COLUMNS}`,
    [u.username, u.displayName ?? u.username, await hashPassword(u.password), u.role, u.unitId ?? null, u.leaderId ?? null]);
  await audit(tx, { userId: byUserId, action: 'user.create', entity: 'user', entityId: rows[0].id as number, after: rows[0] });
  return rows[0];
}

/**
 * The first admin: user `admin` with LUOSHI_ADMIN_PASSWORD, or a random
 * password returned so the caller prints it once. Nothing when users exist.
 */
export async function ensureAdmin(db: Db, password?: string): Promise<{ created: boolean; password?: string }> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (rows[0].n > 0) return { created: false };
  const pw = password || randomPassword();
  await db.transaction((tx) => createUser(tx, { username: 'admin', password: pw, role: 'admin', displayName: '督查室管理员' }, null));
  return { created: true, password: password ? undefined : pw };
}

export { PUBLIC_COLUMNS as USER_COLUMNS };
