import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { openPostgres } from '../../src/store/postgres.ts';

export interface StoreVariant {
  kind: Db['kind'];
  /** A fresh, migrated store; close() also drops what it created. */
  open(): Promise<Db>;
}

/** PostgreSQL isolation: a fresh schema per test file, dropped on close. */
async function openIsolatedPostgres(url: string): Promise<Db> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres(url, { schema, max: 4 });
  return {
    ...db,
    async close() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

export const storeVariants: StoreVariant[] = [
  { kind: 'pglite', open: () => openPglite() },
  ...(process.env.TEST_DATABASE_URL
    ? [{ kind: 'postgres' as const, open: () => openIsolatedPostgres(process.env.TEST_DATABASE_URL!) }]
    : []),
];

/**
 * The shared conformance harness: `body` runs once per store, with one
 * migrated database per file and store (PGlite's open costs seconds).
 */
export function describeStores(title: string, body: (db: () => Db, kind: Db['kind']) => void): void {
  for (const variant of storeVariants) {
    describe(`${title} [${variant.kind}]`, () => {
      let db: Db | undefined;
      beforeAll(async () => {
        db = await variant.open();
        await migrate(db);
      }, 60_000);
      afterAll(async () => {
        await db?.close();
      }, 30_000);
      body(() => {
        if (!db) throw new Error('store not open');
        return db;
      }, variant.kind);
    });
  }
}
