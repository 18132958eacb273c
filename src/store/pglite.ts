import { PGlite } from '@electric-sql/pglite';
import { join } from 'node:path';
import type { Db, Queryable, QueryResult } from './db.ts';
import { lockDataDir } from './lock.ts';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function wrap(pg: PgliteLike): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const r = await pg.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
}

/**
 * The embedded store. `dir` undefined means in memory (tests). Transactions
 * go through PGlite's own transaction(): a manual BEGIN through query()
 * would interleave with other callers on the single connection.
 */
export async function openPglite(dir?: string): Promise<Db> {
  const release = dir ? lockDataDir(dir) : () => {};
  let pg: PGlite;
  try {
    // Dates stay text (YYYY-MM-DD), as with the pg driver, rather than becoming midnight-UTC Date objects.
    pg = await PGlite.create(dir ? join(dir, 'pgdata') : undefined, { parsers: { 1082: (v: string) => v } });
  } catch (err) {
    release();
    throw err;
  }
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
