import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { createSession, endSession, SESSION_COOKIE, SESSION_DAYS, sessionActor } from '../auth/session.ts';
import { audit } from '../audit.ts';
import { Problem } from '../problem.ts';
import { route, type AppDeps } from '../route.ts';
import type { Actor } from '../auth/actor.ts';

const me = (a: Actor) => ({
  id: a.id, username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId, leaderId: a.leaderId, csrfToken: a.csrfToken,
});

const meSchema = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), role: z.string(),
  unitId: z.number().nullable(), leaderId: z.number().nullable(), csrfToken: z.string(),
});

function secure(c: Context, deps: AppDeps): boolean {
  return Boolean(deps.secureCookies) || c.req.header('x-forwarded-proto') === 'https' || new URL(c.req.url).protocol === 'https:';
}

function clientKey(c: Context, username: string): string {
  const ip = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local';
  return `${ip}|${username.toLowerCase()}`;
}

let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword('decoy password, never valid'));

export const authRoutes = [
  route({
    method: 'post', path: '/auth/login', tag: 'auth', public: true,
    summary: 'Sign in with a local account; sets the session cookie and returns the CSRF token',
    body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
    response: meSchema,
    async handle({ deps, db, body, c }) {
      const key = clientKey(c, body.username);
      const wait = deps.loginLimiter.retryAfter(key, deps.now().getTime());
      if (wait > 0) {
        throw new Problem(429, 'Too Many Requests', 'too many failed logins; try again later', { retryAfterSeconds: Math.ceil(wait / 1000) });
      }
      const { rows } = await db.query<{ id: number; password_hash: string }>(
        'SELECT id, password_hash FROM users WHERE username = $1 AND archived_at IS NULL', [body.username]);
      // An unknown name costs the same scrypt as a known one, so timing does not reveal which names exist.
      const ok = await verifyPassword(body.password, rows[0]?.password_hash ?? await decoyHash()) && rows.length > 0;
      if (!ok) {
        deps.loginLimiter.fail(key, deps.now().getTime());
        throw new Problem(401, 'Unauthorized', 'wrong username or password');
      }
      deps.loginLimiter.succeed(key);
      const { token } = await db.transaction(async (tx) => {
        const s = await createSession(tx, rows[0].id);
        await audit(tx, { userId: rows[0].id, action: 'login', entity: 'user', entityId: rows[0].id });
        return s;
      });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true, sameSite: 'Lax', path: '/', secure: secure(c, deps), maxAge: SESSION_DAYS * 86400,
      });
      return me((await sessionActor(db, token))!);
    },
  }),
  route({
    method: 'post', path: '/auth/logout', tag: 'auth', summary: 'End the session',
    async handle({ db, actor, c }) {
      const token = getCookie(c, SESSION_COOKIE)!;
      await db.transaction(async (tx) => {
        await endSession(tx, token);
        await audit(tx, { userId: actor.id, action: 'logout', entity: 'user', entityId: actor.id });
      });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  }),
  route({
    method: 'get', path: '/auth/me', tag: 'auth', summary: 'The signed-in user', response: meSchema,
    async handle({ actor }) {
      return me(actor);
    },
  }),
  route({
    method: 'get', path: '/auth/csrf', tag: 'auth', summary: 'The CSRF token to send as X-CSRF-Token',
    response: z.object({ csrfToken: z.string() }),
    async handle({ actor }) {
      return { csrfToken: actor.csrfToken };
    },
  }),
];
