// PostgreSQL going away under a running server: requests fail fast with a 503 problem and
// the server recovers by itself when the database is back. Runs a private PostgreSQL
// cluster (initdb into a temp dir, pg_ctl start/stop) so the shared one is never stopped.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import type { Db } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPostgres } from '../../src/store/postgres.ts';

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  const bin = version && join(root, version, 'bin');
  return bin && existsSync(join(bin, 'initdb')) ? bin : undefined;
}

// initdb refuses to run as root: the cluster is created and run as the postgres system user.
function canRunAsPostgres(): boolean {
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const bin = postgresBin();
const skipReason = !bin ? 'no PostgreSQL server binaries under /usr/lib/postgresql'
  : process.getuid?.() !== 0 || !canRunAsPostgres() ? 'needs root to run a private cluster as the postgres user'
    : undefined;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe.skipIf(skipReason !== undefined)(`PostgreSQL outage${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-pg-'));
  const data = join(dir, 'data');
  let port = 0;
  let db: Db;
  const pgCtl = (...args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', join(bin!, 'pg_ctl'), '-D', data, '-w', '-t', '30', ...args], { stdio: 'ignore' });
  const start = () => pgCtl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), 'start');
  const stop = () => pgCtl('-m', 'fast', 'stop');

  beforeAll(async () => {
    chmodSync(dir, 0o777);
    execFileSync('runuser', ['-u', 'postgres', '--', join(bin!, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'], { stdio: 'ignore' });
    port = await freePort();
    start();
    db = await openPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`, { connectTimeoutMs: 1_000, max: 4 });
    await migrate(db);
  }, 60_000);

  afterAll(async () => {
    await db?.close().catch(() => {});
    try { stop(); } catch { /* already stopped */ }
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('answers 503 problem+json while the database is down, fast, and recovers by itself', async () => {
    const app = createApp({ db });
    expect((await app.request('/api/health')).status).toBe(200);

    stop();
    const t0 = Date.now();
    const down = await app.request('/api/health');
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await down.json()) as { detail: string }).detail).toMatch(/database is not reachable/);
    expect(Date.now() - t0).toBeLessThan(5_000);
    // Also while logged-in routes look the session up.
    expect((await app.request('/api/tasks', { headers: { cookie: 'luoshi_session=x' } })).status).toBe(503);

    start();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await app.request('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
  }, 60_000);
});
