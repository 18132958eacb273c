// Issue 7, deliverable 5: backup, wipe, restore, compare — identical, on both stores.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backup, restore, TABLES } from '../../src/store/backup.ts';
import type { Db } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';
import { describeStores, storeVariants } from '../store/stores.ts';
import { makeClient, PASSWORD } from '../server/harness.ts';
import { makeMatrixWorkspace, type MatrixWorkspace } from '../security/matrix-workspace.ts';
import { dumpStore, rowCounts, tableNames } from './dump.ts';

describeStores('backup, wipe, restore', (db, kind) => {
  let dir: string;
  let w: MatrixWorkspace;
  let fresh: Db | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'luoshi-backup-'));
    w = await makeMatrixWorkspace(db(), makeClient(db()));
    // A comment, a review and a closed-task attempt, so the audit log and history have rows of several kinds.
    const client = makeClient(db());
    const admin = await client.login('admin');
    await client.call('POST', `/api/tasks/${w.taskOfB}/comments`, { as: admin, body: { body: '请于月底前完成' } });
    await client.call('POST', `/api/reports/${w.reportOfB}/accept`, { as: admin, body: { version: 1 } });
  }, 90_000);
  afterAll(async () => {
    await fresh?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up every table of the schema', async () => {
    expect((await tableNames(db())).filter((t) => !TABLES.includes(t)), 'tables the backup leaves out').toEqual([]);
  });

  it('restores into a wiped store exactly what was there, bytes, JSON and instants included', async () => {
    const file = join(dir, 'workspace.jsonl');
    const counts = await backup(db(), file);
    expect(counts.evidence).toBeGreaterThan(0);
    expect(counts.audit_log).toBeGreaterThan(10);
    const before = await dumpStore(db());
    fresh = await storeVariants.find((v) => v.kind === kind)!.open();
    await migrate(fresh);
    await restore(fresh, file);
    const after = await dumpStore(fresh);
    for (const t of Object.keys(before)) expect(after[t], t).toBe(before[t]);
    expect(await rowCounts(fresh)).toEqual(await rowCounts(db()));
    // A second backup of the restored store is the same file: nothing drifts on a round trip.
    const again = join(dir, 'again.jsonl');
    await backup(fresh, again);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'));
  }, 90_000);

  it('serves from the restored store: old passwords work, new records get new ids', async () => {
    const client = makeClient(fresh!);
    const unitB = await client.login('unitB', PASSWORD);
    const r = await client.call('POST', `/api/tasks/${w.taskOfB}/comments`, { as: unitB, body: { body: '恢复后评论' } });
    expect(r.status).toBe(201);
    const max = (await fresh!.query<{ n: number }>('SELECT max(id) AS n FROM comments WHERE id <> $1', [r.body.id])).rows[0].n;
    expect(r.body.id).toBeGreaterThan(max);
    const evidence = await client.call('GET', `/api/evidence/${w.evidenceOfB}`, { as: unitB });
    expect(evidence.status).toBe(200);
    expect(Array.from(new TextEncoder().encode(evidence.body))).toEqual([37, 80, 68, 70, 45]);
  });

  it('refuses to restore into a store that is not empty', async () => {
    await expect(restore(fresh!, join(dir, 'workspace.jsonl'))).rejects.toThrow(/not empty/);
  });
});
