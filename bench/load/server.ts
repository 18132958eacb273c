// The load test's server process: opens a store (PGlite in a temporary data directory, or a
// fresh schema on PostgreSQL), seeds the benchmark workspace, serves the real app on loopback,
// and answers the parent's `figures` message with what the store holds.
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.ts';
import type { Db } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { openPostgres } from '../../src/store/postgres.ts';
import { seedLoadWorkspace, storeFigures } from './seed.ts';

const kind = process.argv[2];
let db: Db;
let cleanup = async () => {};
if (kind === 'postgres') {
  const schema = `load_${randomBytes(4).toString('hex')}`;
  db = await openPostgres(process.env.LOAD_DATABASE_URL!, { schema });
  cleanup = async () => { await db.query(`DROP SCHEMA ${schema} CASCADE`); };
} else {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-load-'));
  db = await openPglite(dir);
  cleanup = async () => { rmSync(dir, { recursive: true, force: true }); };
}
await migrate(db);
await seedLoadWorkspace(db);
const app = createApp({ db });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.send!({ ready: info.port }));

process.on('message', async (m: { figures?: boolean; stop?: boolean }) => {
  if (m.figures) process.send!({ figures: await storeFigures(db) });
  if (m.stop) {
    server.close();
    if (kind === 'postgres') await cleanup().catch(() => {});
    await db.close();
    if (kind !== 'postgres') await cleanup().catch(() => {});
    process.exit(0);
  }
});
