// Issue 7, deliverable 2: `kill -9` of a real `luoshi serve` in the middle of an import, a bulk
// assignment and a progress submission with evidence; after a restart nothing is half-done,
// no file is orphaned and the audit log matches the records. Also: a second server on the same
// PGlite directory is refused, and neither password of a login (right or wrong) reaches the logs.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openPglite } from '../../src/store/pglite.ts';
import { inconsistencies } from './consistency.ts';
import { ADMIN_PASSWORD, api, login, REPO, startServer, type ServerProcess } from './server-process.ts';

const NATIONAL = join(REPO, '../shared/corpus/national');
const SEED = join(REPO, '../shared/corpus/seeds/000_7841c49be735524f.txt');
const WRONG_PASSWORD = 'Wrong-Guess-Pw-5521';
const dir = mkdtempSync(join(tmpdir(), 'luoshi-kill9-'));
const logs: string[] = [];
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.kill9();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fileForm = (fields: Record<string, string>, field: string, name: string, bytes: Uint8Array | string) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  f.append(field, new Blob([bytes as BlobPart]), name);
  return f;
};

async function restart(): Promise<ServerProcess> {
  if (server) logs.push(server.logs());
  server = await startServer(['--data', dir]);
  return server;
}

/** Sends a request and SIGKILLs the server `afterMs` later, whatever the request is doing. */
async function killDuring(send: () => Promise<unknown>, afterMs: number): Promise<void> {
  const pending = send().catch(() => undefined);
  await sleep(afterMs);
  await server!.kill9();
  await pending;
}

it('survives kill -9 during an import, a bulk assignment and a submission with evidence', async () => {
  let s = await restart();
  let admin = await login(s.base);

  // A second server on the same directory is refused with a clear message.
  const second = await startServer(['--data', dir]).then(
    async (p) => { await p.kill9(); return 'started'; }, (e: Error) => e.message);
  expect(second).toMatch(/in use by process \d+/);

  // The workspace: an organisation, a unit, one report imported with its tasks.
  const org = await api(s.base, admin, 'POST', '/organisations', { name: '宁波市', kind: 'city' });
  expect(org.status).toBe(201);
  const unit = await api(s.base, admin, 'POST', '/units', { organisationId: org.body.id, name: '市发改委' });
  const imported = await api(s.base, admin, 'POST', '/documents', fileForm({ organisationId: String(org.body.id), year: '2020', kind: 'report' }, 'file', '2020年政府工作报告.txt', readFileSync(SEED)));
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const tasks = ((await api(s.base, admin, 'GET', '/tasks?limit=1000')).body.items as { id: number; kind: string; assignment: { version: number } | null }[])
    .filter((t) => t.kind !== 'section');
  expect(tasks.length).toBeGreaterThan(20);
  expect((await fetch(`${s.base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: WRONG_PASSWORD }) })).status).toBe(401);

  // 1. A large report (several national reports in one file) killed while it is being imported.
  const large = readdirSync(NATIONAL).filter((f) => f.endsWith('.txt')).slice(-6).map((f) => readFileSync(join(NATIONAL, f), 'utf8')).join('\n\n');
  await killDuring(() => api(s.base, admin, 'POST', '/documents', fileForm({ organisationId: String(org.body.id), year: '2021', kind: 'report' }, 'file', '大报告.txt', large)), 2500);

  s = await restart();
  admin = await login(s.base);
  const documents = (await api(s.base, admin, 'GET', '/documents')).body.items as { name: string }[];
  const largeImported = documents.some((d) => d.name === '大报告.txt');

  // 2. A bulk assignment of every task, killed while the transaction runs: all tasks or none.
  const unassigned = tasks.filter((t) => !t.assignment);
  await killDuring(() => api(s.base, admin, 'POST', '/tasks/bulk-assign', {
    tasks: tasks.map((t) => ({ id: t.id, assignmentVersion: t.assignment?.version ?? null })), leadUnitId: unit.body.id, personInCharge: '张主任',
  }), 1200);

  s = await restart();
  admin = await login(s.base);
  const after = (await api(s.base, admin, 'GET', `/tasks?limit=1000&unitId=${unit.body.id}`)).body.items as { id: number }[];
  expect([0, tasks.length], `tasks assigned after the crash (${unassigned.length} were unassigned)`).toContain(after.length);

  // 3. Three submissions with an 8 MB evidence file each, killed while they arrive and commit.
  const evidence = new Uint8Array(8 * 1024 * 1024).map((_, i) => (i * 7919) % 251);
  await killDuring(() => Promise.all(tasks.slice(0, 3).map((t, i) => api(s.base, admin, 'POST', `/tasks/${t.id}/reports`,
    fileForm({ period: '2020-06', percent: String(30 + i), narrative: `第${i}次报送` }, 'files', `证明${i}.pdf`, evidence)))), 1500);

  s = await restart();
  admin = await login(s.base);
  expect((await api(s.base, admin, 'GET', '/auth/me')).status).toBe(200);
  const submitted = await api(s.base, admin, 'POST', `/tasks/${tasks[5].id}/reports`, fileForm({ period: '2020-06', percent: '10', narrative: '重启后报送' }, 'files', '重启.pdf', 'ok'));
  expect(submitted.status).toBe(201);
  await s.stop();
  logs.push(s.logs());

  // The store, read directly: consistent, and nothing but the store in the data directory.
  const db = await openPglite(dir);
  try {
    expect(await inconsistencies(db)).toEqual([]);
    const big = await db.query<{ tasks: number }>(
      `SELECT (SELECT count(*) FROM tasks t WHERE t.document_id = d.id)::int AS tasks FROM documents d WHERE d.name = '大报告.txt'`);
    expect(big.rows.length).toBe(largeImported ? 1 : 0);
    if (largeImported) expect(big.rows[0].tasks).toBeGreaterThan(0);
    console.log(`kill -9 outcomes: large import ${largeImported ? 'committed before the kill' : 'rolled back'}; bulk assignment ${after.length ? 'committed' : 'rolled back'}; ` +
      `reports stored: ${(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM progress_reports')).rows[0].n}`);
  } finally {
    await db.close();
  }
  expect(readdirSync(dir).sort()).toEqual(['pgdata']);

  const all = logs.join('\n');
  expect(all).not.toContain(ADMIN_PASSWORD);
  expect(all).not.toContain(WRONG_PASSWORD);
}, 900_000);
