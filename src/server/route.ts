import type { Context } from 'hono';
import { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { Actor } from './auth/actor.ts';
import type { RateLimiter } from './auth/rate-limit.ts';
import type { ReadCache } from './read-cache.ts';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** What every route handler may use besides its request. */
export interface AppDeps {
  db: Db;
  /** The clock, fixed in tests. */
  now: () => Date;
  loginLimiter: RateLimiter;
  /** Upload limit per file, bytes. */
  maxUploadBytes: number;
  /** Set secure cookies even without an HTTPS hint (deployments behind a proxy that strips it). */
  secureCookies?: boolean;
  /** Expensive reads kept until the next write (the task list, the dashboard roll-up). */
  readCache: ReadCache;
}

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface RouteRequest<P, Q, B> {
  deps: AppDeps;
  db: Db;
  /** The signed-in user; on public routes an anonymous placeholder that must not be consulted. */
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  files: UploadedFile[];
  /** The version from If-Match, when the client sent one. */
  ifMatch: number | undefined;
  /** The client sent Cache-Control: no-cache: answer from the store, not from the read cache. */
  fresh: boolean;
  c: Context;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface RouteSpec<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined> {
  method: Method;
  /** Hono path under /api, e.g. `/tasks/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** No session needed (login, health, public disclosure). */
  public?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** The body is multipart/form-data: `body` validates its text fields, files arrive in `files`. */
  multipart?: boolean;
  /** Status of a successful answer (default 200). */
  status?: 200 | 201;
  /** Response body, for the OpenAPI document. */
  response?: z.ZodType;
  /** The route answers with a file of this media type (a download), not JSON: for the OpenAPI document. */
  produces?: string;
  handle(req: RouteRequest<Infer<P>, Infer<Q>, Infer<B>>): Promise<unknown>;
}

export type AnyRoute = RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

/** Declares one route: the same object drives validation, dispatch and the OpenAPI document. */
export function route<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
): AnyRoute {
  return spec as unknown as AnyRoute;
}

export const idParams = z.object({ id: z.coerce.number().int().positive() });
/** Optimistic concurrency: the version the client last saw (or send If-Match). */
export const versionField = z.number().int().positive().optional();
