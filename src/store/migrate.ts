import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';
import type { Db } from './db.ts';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'src/store/migrations/');

/** Raised when the database's applied migrations differ from the files. */
export class MigrationMismatchError extends Error {
  constructor(detail: string) {
    super(`database schema does not match this version of luoshi: ${detail}`);
    this.name = 'MigrationMismatchError';
  }
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(dir + name, 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the migrations not yet applied, in order, each in its own
 * transaction, and refuses a database whose record differs from the files
 * (edited, reordered or unknown migrations): forward only.
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await db.query<{ name: string; checksum: string }>(
    'SELECT name, checksum FROM schema_migrations ORDER BY name');
  for (const [i, row] of rows.entries()) {
    const file = migrations[i];
    if (!file || file.name !== row.name) throw new MigrationMismatchError(`applied migration ${row.name} has no matching file`);
    if (file.checksum !== row.checksum) throw new MigrationMismatchError(`migration ${row.name} was changed after it was applied`);
  }
  const applied: string[] = [];
  for (const m of migrations.slice(rows.length)) {
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
    });
    applied.push(m.name);
  }
  return applied;
}
