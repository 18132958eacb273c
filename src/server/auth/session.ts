import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../../store/db.ts';
import type { Actor, Role } from './actor.ts';

export const SESSION_COOKIE = 'luoshi_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_DAYS = 7;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session; the database keeps only the token's hash. */
export async function createSession(db: Queryable, userId: number): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [hashToken(token), userId, csrfToken, SESSION_DAYS]);
  return { token, csrfToken };
}

export async function sessionActor(db: Queryable, token: string): Promise<Actor | undefined> {
  const { rows } = await db.query<{
    id: number; username: string; display_name: string; role: Role; unit_id: number | null; leader_id: number | null; csrf_token: string;
  }>(
    `SELECT u.id, u.username, u.display_name, u.role, u.unit_id, u.leader_id, s.csrf_token
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND u.archived_at IS NULL`,
    [hashToken(token)]);
  const r = rows[0];
  return r && {
    id: r.id, username: r.username, displayName: r.display_name, role: r.role,
    unitId: r.unit_id, leaderId: r.leader_id, csrfToken: r.csrf_token,
  };
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('UPDATE sessions SET ended_at = now() WHERE token_hash = $1', [hashToken(token)]);
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
