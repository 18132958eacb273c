import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
 * PGlite's own PostgreSQL settings, after its defaults. Shared buffers live in the
 * WebAssembly heap, which never shrinks: 16 MB instead of PostgreSQL's 128 MB keeps the
 * server's memory near 220 MB instead of 340 MB, and a workspace's hot pages still fit (the
 * rest comes from the OS page cache). Durability settings are untouched.
 */
const START_PARAMS = [...(PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * Creates a new cluster in a short-lived child process: initdb touches some 800 MB of
 * WebAssembly heap, which the process serving afterwards would otherwise keep for good.
 */
async function initialiseCluster(pgdata: string): Promise<void> {
  const module = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(module)}); const pg = await PGlite.create(process.argv[1]); await pg.close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, pgdata], { maxBuffer: 16 * 1024 * 1024 });
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
    const pgdata = dir ? join(dir, 'pgdata') : undefined;
    if (pgdata && !existsSync(join(pgdata, 'PG_VERSION'))) await initialiseCluster(pgdata);
    pg = await PGlite.create(pgdata, { parsers: { 1082: (v: string) => v }, startParams: START_PARAMS });
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
