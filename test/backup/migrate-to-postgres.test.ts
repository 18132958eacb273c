// Issue 7, deliverable 5: moving a workspace from the embedded store to PostgreSQL with the CLI,
// `luoshi backup` on the PGlite directory and `luoshi restore` into a fresh database.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { openPostgres } from '../../src/store/postgres.ts';
import { makeClient, PASSWORD } from '../server/harness.ts';
import { makeMatrixWorkspace } from '../security/matrix-workspace.ts';
import { runCli } from '../faults/server-process.ts';
import { dumpStore } from './dump.ts';

const url = process.env.TEST_DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'luoshi-migrate-'));
const database = `luoshi_test_${randomBytes(5).toString('hex')}`;
let created = false;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

afterAll(async () => {
  if (created) await admin((c) => c.query(`DROP DATABASE ${database} WITH (FORCE)`));
  rmSync(dir, { recursive: true, force: true });
});

it.skipIf(!url)('moves a PGlite workspace into a fresh PostgreSQL database unchanged (luoshi backup / restore)', async () => {
  const data = join(dir, 'data');
  const source = await openPglite(data);
  await migrate(source);
  await makeMatrixWorkspace(source, makeClient(source));
  const before = await dumpStore(source);
  await source.close();

  const file = join(dir, 'workspace.jsonl');
  const b = await runCli(['backup', file, '--data', data], { DATABASE_URL: '' });
  expect(b.code, b.out).toBe(0);
  expect(b.out).toMatch(/rows from 21 tables|rows from \d+ tables/);

  await admin((c) => c.query(`CREATE DATABASE ${database}`));
  created = true;
  const target = new URL(url!);
  target.pathname = `/${database}`;
  const r = await runCli(['restore', file], { DATABASE_URL: target.toString() });
  expect(r.code, r.out).toBe(0);

  const moved = await openPostgres(target.toString());
  try {
    const after = await dumpStore(moved);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const t of Object.keys(before)) expect(after[t], t).toBe(before[t]);
    // The accounts came along: the office signs in on PostgreSQL with its old password.
    const client = makeClient(moved);
    expect((await client.login('admin', PASSWORD)).csrf).toBeTruthy();
  } finally {
    await moved.close();
  }
  // A second restore into the now full database is refused.
  const again = await runCli(['restore', file], { DATABASE_URL: target.toString() });
  expect(again.code).not.toBe(0);
  expect(again.out).toMatch(/not empty/);
}, 300_000);
