import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Db } from '../store/db.ts';
import { isDatabaseUnavailable } from '../store/unavailable.ts';
import type { Actor } from './auth/actor.ts';
import { RateLimiter } from './auth/rate-limit.ts';
import { CSRF_HEADER, csrfMatches, SESSION_COOKIE, sessionActor } from './auth/session.ts';
import { openApiDocument } from './openapi.ts';
import { badRequest, forbidden, Problem, problemResponse, unauthorized } from './problem.ts';
import { ReadCache, watchWrites } from './read-cache.ts';
import type { AnyRoute, AppDeps, UploadedFile } from './route.ts';
import { allRoutes } from './routes/index.ts';
import { securityHeaders } from './security-headers.ts';

export interface AppOptions {
  db: Db;
  /**
   * Given when `db` already reports its writes to this cache (watchWrites): `serve` shares one
   * watched store between the app and its background jobs, whose writes must clear cached pages too.
   */
  readCache?: ReadCache;
  now?: () => Date;
  maxUploadBytes?: number;
  secureCookies?: boolean;
  loginLimiter?: RateLimiter;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const ANONYMOUS: Actor = Object.freeze({ id: 0, username: '', displayName: '', role: 'viewer', unitId: null, leaderId: null, csrfToken: '' });

function ifMatchVersion(header: string | undefined): number | undefined {
  const m = header && /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return m ? Number(m[1]) : undefined;
}

function errorToProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  if (err instanceof z.ZodError) {
    return badRequest('invalid request', { errors: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  const code = (err as { code?: string }).code;
  if (code === '23505') return new Problem(409, 'Conflict', 'a record with these values already exists');
  if (code === '23503') return badRequest('a referenced record does not exist');
  if (code === '23514' || code === '22P02' || code === '22007' || code === '22008') return badRequest('a value is out of range or malformed');
  // PostgreSQL's disk_full and Node's ENOSPC: the transaction rolled back, so say so rather than 500
  if (code === '53100' || code === 'ENOSPC') {
    return new Problem(507, 'Insufficient Storage', 'the server is out of disk space; nothing was stored');
  }
  if (isDatabaseUnavailable(err)) {
    return new Problem(503, 'Service Unavailable', 'the database is not reachable; try again shortly');
  }
  console.error(err);
  return new Problem(500, 'Internal Server Error', 'unexpected error');
}

async function readFiles(c: Context, deps: AppDeps): Promise<{ fields: Record<string, unknown>; files: UploadedFile[] }> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > deps.maxUploadBytes + 1024 * 1024) throw new Problem(413, 'Content Too Large', `uploads are limited to ${deps.maxUploadBytes} bytes`);
  const form = await c.req.parseBody({ all: true });
  const fields: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') fields[key] = v;
      else {
        if (v.size > deps.maxUploadBytes) throw new Problem(413, 'Content Too Large', `${v.name} is larger than ${deps.maxUploadBytes} bytes`);
        files.push({ name: v.name, type: v.type || 'application/octet-stream', bytes: new Uint8Array(await v.arrayBuffer()) });
      }
    }
  }
  return { fields, files };
}

function mount(app: Hono, r: AnyRoute, deps: AppDeps): void {
  app.on(r.method.toUpperCase(), '/api' + r.path, async (c) => {
    // authenticate
    const token = getCookie(c, SESSION_COOKIE);
    // Sessions change only by writes (login, logout, role or password change), which stale the entry.
    const actor = token ? await deps.readCache.get(`session:${token}`, deps.db, (db) => sessionActor(db, token)) : undefined;
    if (!r.public && !actor) throw unauthorized();
    if (!r.public && r.method !== 'get' && !csrfMatches(actor!.csrfToken, c.req.header(CSRF_HEADER))) {
      throw forbidden('missing or wrong CSRF token (send X-CSRF-Token from /api/auth/csrf)');
    }
    // validate
    const params = r.params ? r.params.parse(c.req.param()) : undefined;
    const query = r.query ? r.query.parse(c.req.query()) : undefined;
    let body: unknown;
    let files: UploadedFile[] = [];
    if (r.multipart) {
      const form = await readFiles(c, deps);
      files = form.files;
      body = r.body ? r.body.parse(form.fields) : undefined;
    } else if (r.body) {
      const raw = await c.req.json().catch(() => { throw badRequest('the body must be JSON'); });
      body = r.body.parse(raw);
    }
    // authorize → command → present happen in the handler, through the policies
    const result = await r.handle({
      deps, db: deps.db, actor: actor ?? ANONYMOUS, params, query, body, files,
      ifMatch: ifMatchVersion(c.req.header('if-match')), fresh: /\bno-cache\b/i.test(c.req.header('cache-control') ?? ''), c,
    });
    if (result instanceof Response) return result;
    return c.json(result as object, r.status ?? 200);
  });
}

/** The HTTP API (under /api) on one store; static files are added by `serve`. */
export function createApp(options: AppOptions): Hono {
  const readCache = options.readCache ?? new ReadCache();
  const deps: AppDeps = {
    db: options.readCache ? options.db : watchWrites(options.db, readCache),
    readCache,
    now: options.now ?? (() => new Date()),
    loginLimiter: options.loginLimiter ?? new RateLimiter(),
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    secureCookies: options.secureCookies,
  };
  const app = new Hono();
  // Every path, so the web app that `serve` mounts on this app gets them too.
  app.use('*', securityHeaders());
  app.onError((err, c) => problemResponse(errorToProblem(err), c.req.path));
  const routes = allRoutes();
  const doc = openApiDocument(routes);
  app.get('/api/openapi.json', (c) => c.json(doc));
  for (const r of routes) mount(app, r, deps);
  app.all('/api/*', (c) => problemResponse(new Problem(404, 'Not Found', `no route ${c.req.method} ${c.req.path}`), c.req.path));
  return app;
}
