import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface OpenOptions {
  /** PGlite data directory; ignored when `url` is given. */
  data?: string;
  /** PostgreSQL connection string (usually `DATABASE_URL`). */
  url?: string;
}

/** Opens the store the environment asks for and brings its schema up to date. */
export async function openStore(options: OpenOptions): Promise<Db> {
  const db = options.url ? await openPostgres(options.url) : await openPglite(options.data ?? './data');
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
