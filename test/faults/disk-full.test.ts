// Issue 7, deliverable 2: the disk fills while an upload is written. The PGlite data directory
// lives on a small tmpfs; evidence is uploaded until the store cannot take more. Expected: a
// clear error for the upload that did not fit, the server still answering, and after the disk
// is grown again, a store holding exactly the uploads that were confirmed, nothing corrupt.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openPglite } from '../../src/store/pglite.ts';
import { inconsistencies } from './consistency.ts';
import { api, login, REPO, startServer, type ServerProcess } from './server-process.ts';

const SEED = join(REPO, '../shared/corpus/seeds/000_7841c49be735524f.txt');
const dir = mkdtempSync(join(tmpdir(), 'luoshi-diskfull-'));
const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' });

function tryMount(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root: cannot mount a tmpfs';
  try {
    mount('-t', 'tmpfs', '-o', 'size=72m', 'tmpfs', dir);
    return undefined;
  } catch (err) {
    return `mounting a tmpfs is not permitted here (${(err as Error).message.split('\n')[0]})`;
  }
}

const unavailable = tryMount();
let server: ServerProcess | undefined;
/** The answer to the upload that did not fit. */
let refusal: { status: number; body: any } | undefined;

afterAll(async () => {
  await server?.kill9();
  if (!unavailable) execFileSync('umount', ['-l', dir]);
  rmSync(dir, { recursive: true, force: true });
});

it.skipIf(unavailable)(`refuses an upload that does not fit, keeps answering and keeps the store whole${unavailable ? ` (skipped: ${unavailable})` : ''}`, async () => {
  server = await startServer(['--data', dir]);
  const admin = await login(server.base);
  const org = await api(server.base, admin, 'POST', '/organisations', { name: '宁波市', kind: 'city' });
  const form = new FormData();
  form.set('organisationId', String(org.body.id));
  form.set('year', '2020');
  form.append('file', new Blob([readFileSync(SEED)]), '报告.txt');
  expect((await api(server.base, admin, 'POST', '/documents', form)).status).toBe(201);
  const task = ((await api(server.base, admin, 'GET', '/tasks?limit=5')).body.items as { id: number; kind: string }[]).find((t) => t.kind !== 'section')!;

  // Random bytes do not compress: each upload costs its size on disk (and more in the WAL).
  const { randomBytes } = await import('node:crypto');
  let stored = 0;
  for (let i = 0; i < 40 && !refusal; i++) {
    const f = new FormData();
    f.append('files', new Blob([randomBytes(3 * 1024 * 1024)]), `扫描件${i}.pdf`);
    const r = await api(server.base, admin, 'POST', `/tasks/${task.id}/evidence`, f).catch((e: Error) => ({ status: 0, body: e.message }));
    if (r.status === 201) stored++;
    else refusal = r;
  }
  expect(refusal, 'the disk never filled').toBeDefined();
  console.log(`disk full after ${stored} uploads of 3 MB: ${refusal!.status} ${JSON.stringify(refusal!.body)}\n` +
    server.logs().split('\n').filter((l) => /error|space|code/i.test(l)).slice(0, 8).join('\n'));
  expect(refusal!.status).toBeGreaterThanOrEqual(400);
  expect((await fetch(`${server.base}/health`)).status, 'the server still answers').toBe(200);

  // Grow the disk, restart, and check what is there.
  await server.stop().catch(() => undefined);
  await server.kill9();
  mount('-o', 'remount,size=256m', dir);
  const db = await openPglite(dir);
  try {
    expect(await inconsistencies(db)).toEqual([]);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence')).rows[0].n).toBe(stored);
  } finally {
    await db.close();
  }
}, 600_000);

it.skipIf(unavailable)('says so clearly: 507 naming the disk', () => {
  expect(refusal, 'the first test filled the disk').toBeDefined();
  expect([503, 507]).toContain(refusal!.status);
  expect(String(refusal!.body.detail)).toMatch(/space|disk|storage/i);
});
