// Issue 7, deliverable 2: PostgreSQL stopped and started again while `luoshi serve` runs:
// requests fail with a clear 503 meanwhile and succeed again by themselves afterwards.
// Runs on a private cluster (its own directory and port), never on the shared server.
import { afterAll, expect, it } from 'vitest';
import { createPrivateCluster, privateClusterUnavailable, type PrivateCluster } from './private-postgres.ts';
import { api, login, startServer, type ServerProcess } from './server-process.ts';

const unavailable = privateClusterUnavailable();
let cluster: PrivateCluster | undefined;
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.kill9();
  cluster?.destroy();
});

it.skipIf(unavailable)(`answers 503 while PostgreSQL is down and recovers by itself${unavailable ? ` (skipped: ${unavailable})` : ''}`, async () => {
  cluster = await createPrivateCluster();
  server = await startServer([], { DATABASE_URL: cluster.url });
  const admin = await login(server.base);
  expect((await api(server.base, admin, 'GET', '/organisations')).status).toBe(200);

  cluster.stop();
  const during: number[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${server.base}/organisations`, { headers: { cookie: admin.cookie } });
    during.push(res.status);
    if (res.status === 503) {
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/database/);
    } else await res.text();
  }
  expect(during, 'statuses while the database is down').toEqual([503, 503, 503, 503]);
  expect(server.child.exitCode, 'the server keeps running').toBeNull();

  cluster.start();
  let recovered = 0;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    recovered = (await api(server.base, admin, 'GET', '/organisations')).status;
    if (recovered === 200) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(recovered).toBe(200);
  const created = await api(server.base, admin, 'POST', '/organisations', { name: '重启后', kind: 'city' });
  expect(created.status).toBe(201);
}, 300_000);
