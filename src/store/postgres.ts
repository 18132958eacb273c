import pg from 'pg';
import type { Db, Queryable, QueryResult } from './db.ts';

// Dates stay text (YYYY-MM-DD) as in PGlite, rather than becoming local-midnight Date objects.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(1700, (v: string) => v);

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const r = await client.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export interface PostgresOptions {
  /** Schema to work in (tests isolate each file in its own schema). */
  schema?: string;
  /** Pool size: a few connections per core keep PostgreSQL busy without queueing inside it. */
  max?: number;
  /** Give up on getting a connection after this long (the server is down or unreachable). */
  connectTimeoutMs?: number;
  /** PostgreSQL cancels a statement running longer than this. */
  statementTimeoutMs?: number;
}

/** PostgreSQL 15+ through a `pg` pool, for multi-user deployments (`DATABASE_URL`). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const statementTimeout = options.statementTimeoutMs ?? 30_000;
  const settings = [`-c statement_timeout=${statementTimeout}`, `-c idle_in_transaction_session_timeout=${statementTimeout * 2}`];
  if (options.schema) settings.push(`-c search_path=${options.schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    // A server that vanishes without closing the socket: the client gives up a little after PostgreSQL would have.
    query_timeout: statementTimeout + 5_000,
    keepAlive: true,
    options: settings.join(' '),
  });
  // An idle client losing its server (restart) must not crash the process.
  pool.on('error', () => {});
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
  const base = wrap(pool);
  return {
    kind: 'postgres',
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
