import { z } from 'zod';
import { json } from '../../store/db.ts';
import { audit } from '../audit.ts';
import { expectedVersion, updateVersioned } from '../concurrency.ts';
import { authorize, isAdmin, referenceAbilities } from '../policies/shared.ts';
import { notFound } from '../problem.ts';
import { present } from '../present.ts';
import { idParams, route, type AnyRoute } from '../route.ts';

interface ReferenceSpec {
  table: string;
  entity: string;
  path: string;
  tag: string;
  label: string;
  create: z.ZodObject;
  /** Columns that hold JSON. */
  jsonColumns?: string[];
  listQuery?: z.ZodObject;
  /** SQL filters per query key. */
  filters?: Record<string, string>;
  order?: string;
}

const snake = (k: string) => k.replace(/[A-Z]/g, (ch) => '_' + ch.toLowerCase());

/**
 * List / get / create / update / archive for records that only the
 * supervision office changes and every signed-in user reads.
 */
export function referenceRoutes(s: ReferenceSpec): AnyRoute[] {
  const columnsOf = (body: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      if (k === 'version' || v === undefined) continue;
      out[snake(k)] = s.jsonColumns?.includes(snake(k)) ? json(v) : v;
    }
    return out;
  };
  const listQuery = (s.listQuery ?? z.object({})).extend({ archived: z.enum(['true', 'false']).optional() });
  return [
    route({
      method: 'get', path: s.path, tag: s.tag, summary: `List ${s.label}`, query: listQuery,
      async handle({ db, actor, query }) {
        const params: unknown[] = [];
        const conds = [query.archived === 'true' ? 'true' : 'archived_at IS NULL'];
        for (const [key, sql] of Object.entries(s.filters ?? {})) {
          const v = (query as Record<string, unknown>)[key];
          if (v === undefined) continue;
          params.push(v);
          conds.push(sql.replace('?', `$${params.length}`));
        }
        const { rows } = await db.query<Record<string, unknown>>(
          `SELECT * FROM ${s.table} WHERE ${conds.join(' AND ')} ORDER BY ${s.order ?? 'id'}`, params);
        const abilities = referenceAbilities(actor);
        return { items: rows.map((r) => ({ ...present(r), abilities })) };
      },
    }),
    route({
      method: 'get', path: `${s.path}/:id`, tag: s.tag, params: idParams, summary: `One of the ${s.label}`,
      async handle({ db, actor, params, c }) {
        const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM ${s.table} WHERE id = $1`, [params.id]);
        if (!rows[0]) throw notFound(s.entity);
        c.header('ETag', `"${rows[0].version}"`);
        return { ...present(rows[0]), abilities: referenceAbilities(actor) };
      },
    }),
    route({
      method: 'post', path: s.path, tag: s.tag, body: s.create, status: 201, summary: `Create one of the ${s.label} (office)`,
      async handle({ db, actor, body }) {
        authorize(isAdmin(actor));
        const cols = columnsOf(body as Record<string, unknown>);
        const names = Object.keys(cols);
        return db.transaction(async (tx) => {
          const { rows } = await tx.query<Record<string, unknown>>(
            `INSERT INTO ${s.table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
            names.map((n) => cols[n]));
          await audit(tx, { userId: actor.id, action: `${s.entity}.create`, entity: s.entity, entityId: rows[0].id as number, after: rows[0] });
          return { ...present(rows[0]), abilities: referenceAbilities(actor) };
        });
      },
    }),
    route({
      method: 'patch', path: `${s.path}/:id`, tag: s.tag, params: idParams, summary: `Update one of the ${s.label} (office; needs version)`,
      body: s.create.partial().extend({ version: z.number().int().positive().optional() }),
      async handle({ db, actor, params, body, ifMatch }) {
        authorize(isAdmin(actor));
        const version = expectedVersion((body as { version?: number }).version, ifMatch);
        return db.transaction(async (tx) => {
          const before = await tx.query(`SELECT * FROM ${s.table} WHERE id = $1`, [params.id]);
          const after = await updateVersioned<Record<string, unknown>>(tx, s.table, params.id, version, columnsOf(body as Record<string, unknown>));
          await audit(tx, { userId: actor.id, action: `${s.entity}.update`, entity: s.entity, entityId: params.id, before: before.rows[0], after });
          return { ...present(after), abilities: referenceAbilities(actor) };
        });
      },
    }),
    route({
      method: 'post', path: `${s.path}/:id/archive`, tag: s.tag, params: idParams, summary: `Archive one of the ${s.label} (never deleted)`,
      body: z.object({ version: z.number().int().positive().optional() }),
      async handle({ db, actor, params, body, ifMatch }) {
        authorize(isAdmin(actor));
        const version = expectedVersion(body.version, ifMatch);
        return db.transaction(async (tx) => {
          const after = await updateVersioned<Record<string, unknown>>(tx, s.table, params.id, version, { archived_at: new Date() });
          await audit(tx, { userId: actor.id, action: `${s.entity}.archive`, entity: s.entity, entityId: params.id, after });
          return present(after);
        });
      },
    }),
  ];
}

const intQuery = z.coerce.number().int().optional();

export const organisationRoutes = referenceRoutes({
  table: 'organisations', entity: 'organisation', path: '/organisations', tag: 'organisations', label: 'organisations (a city and its districts)',
  create: z.object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['province', 'city', 'district', 'county', 'other']).default('city'),
    parentId: z.number().int().nullable().optional(),
  }),
  listQuery: z.object({ parentId: intQuery }), filters: { parentId: 'parent_id = ?' },
});

export const planRoutes = referenceRoutes({
  table: 'plans', entity: 'plan', path: '/plans', tag: 'plans', label: 'plans (one per organisation and year)',
  create: z.object({
    organisationId: z.number().int(), year: z.number().int().min(1949).max(2100), title: z.string().trim().min(1).max(300),
    status: z.enum(['draft', 'published']).default('draft'),
  }),
  listQuery: z.object({ organisationId: intQuery, year: intQuery }),
  filters: { organisationId: 'organisation_id = ?', year: 'year = ?' }, order: 'year DESC, id',
});

export const unitRoutes = referenceRoutes({
  table: 'units', entity: 'unit', path: '/units', tag: 'directory', label: 'responsible units',
  create: z.object({
    organisationId: z.number().int(), name: z.string().trim().min(1).max(200),
    aliases: z.array(z.string().max(200)).max(50).default([]), kind: z.string().max(50).default('department'),
  }),
  jsonColumns: ['aliases'], listQuery: z.object({ organisationId: intQuery }), filters: { organisationId: 'organisation_id = ?' }, order: 'name',
});

export const leaderRoutes = referenceRoutes({
  table: 'leaders', entity: 'leader', path: '/leaders', tag: 'directory', label: 'leaders',
  create: z.object({ organisationId: z.number().int(), name: z.string().trim().min(1).max(100), title: z.string().max(100).default('') }),
  listQuery: z.object({ organisationId: intQuery }), filters: { organisationId: 'organisation_id = ?' }, order: 'name',
});
