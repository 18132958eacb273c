// API throughput and latency: task list, dashboard roll-up and progress submission on a
// workspace of 10 organisations × 300 tasks × 12 monthly reports, on PGlite and (when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set) PostgreSQL, against a bare node:http
// server answering the same JSON size. The workspace is seeded by one child process and
// served by `luoshi serve` in another, whose memory is the figure; all on loopback, bounded
// in request count and time.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { MONTHS, ORGS, seedBenchWorkspace, TASKS } from './load/seed.ts';

const CONCURRENCY = 32;
const WARMUP = 300;
const REQUESTS = 3000;
const TIME_LIMIT_MS = 20_000;
const PASSWORD = 'bench-password';
/** Progress reports a second while the mixed figures' reads run: a busy office's whole city at month end. */
const WRITES_PER_SECOND = 5;

async function seed(db: import('../src/store/db.ts').Db): Promise<void> {
  const { createUser } = await import('../src/server/users.ts');
  await db.transaction(async (tx) => {
    await seedBenchWorkspace(tx);
    await createUser(tx, { username: 'admin', password: PASSWORD, role: 'admin' }, null);
  });
  // Planner statistics, as autovacuum would gather after a bulk load.
  await db.exec('ANALYZE');
}

/**
 * Child mode: open the store, seed it, close it. The bulk load runs in its own process, as
 * `luoshi import` would, so the server's memory is that of a server, not of the load.
 */
async function runSeed(kind: string, where: string): Promise<void> {
  const { migrate } = await import('../src/store/migrate.ts');
  const { openStore } = await import('../src/store/open.ts');
  const db = await openStore(kind === 'postgres' ? { url: where } : { data: where });
  await migrate(db);
  await seed(db);
  await db.close();
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A new, empty place for one store: a data directory, or a database on the PostgreSQL server. */
async function createStore(kind: string): Promise<{ where: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-bench-'));
    return { where: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { Client } = (await import('pg')).default;
  const admin = new Client({ connectionString: process.env.BENCH_URL });
  await admin.connect();
  const name = `luoshi_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.BENCH_URL!);
  url.pathname = `/${name}`;
  return {
    where: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: process.env.BENCH_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function runChild(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
}

/** `luoshi serve` on the seeded store, as a deployment runs it; resolves with its port once it answers. */
async function startServer(kind: string, where: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const child = runChild(['bin/luoshi.mjs', 'serve', '--data', kind === 'pglite' ? where : join(tmpdir(), 'unused'), '--port', String(port)],
    { DATABASE_URL: kind === 'postgres' ? where : '', LUOSHI_ADMIN_PASSWORD: PASSWORD });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  // Measured once the start-up daily run (reminders, status refresh) has finished: the steady state.
  const until = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`luoshi serve exited ${child.exitCode}:\n${output}`);
    if (Date.now() > until) throw new Error(`luoshi serve was not ready in 300 s:\n${output}`);
    if (/^reminders: /m.test(output)) {
      console.log(`${kind}: ${/^reminders: .*$/m.exec(output)![0]}`);
      return { child, port };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

interface Figures { rps: number; p50: number; p99: number; errors: number; n: number }

interface Req { path: string; method?: string; headers?: Record<string, string>; body?: Buffer }

/**
 * The load client: node:http on CONCURRENCY keep-alive sockets, lighter than fetch() so that on
 * two cores the figures are the server's more than the client's. WARMUP requests (connections
 * opened, JIT and caches warm) are sent first and not counted.
 */
async function load(port: number, make: (i: number) => Req): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const send = (r: Req) => new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: r.path, method: r.method ?? 'GET', headers: r.headers, agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode!));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
  const run = async (count: number, offset: number) => {
    const times: number[] = [];
    let next = 0;
    let errors = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < count && performance.now() - started < TIME_LIMIT_MS) {
        const i = offset + next++;
        const t = performance.now();
        try {
          if ((await send(make(i))) >= 400) errors++;
        } catch {
          errors++;
        }
        times.push(performance.now() - t);
      }
    }));
    return { times, errors, seconds: (performance.now() - started) / 1000 };
  };
  try {
    await run(WARMUP, 0);
    const { times, errors, seconds } = await run(REQUESTS, WARMUP);
    times.sort((a, b) => a - b);
    const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))] * 10) / 10;
    return { rps: Math.round(times.length / seconds), p50: pct(0.5), p99: pct(0.99), errors, n: times.length };
  } finally {
    agent.destroy();
  }
}

/** Runs `reads` while one more client sends `make(i)` at `perSecond`; the writes are not counted. */
async function whileWriting(port: number, perSecond: number, make: (i: number) => Req, reads: () => Promise<Figures>): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let stop = false;
  const writer = (async () => {
    for (let i = 0; !stop; i++) {
      const r = make(i);
      await new Promise<void>((resolve) => {
        const req = request({ host: '127.0.0.1', port, path: r.path, method: r.method, headers: r.headers, agent }, (res) => { res.resume(); res.on('end', resolve); });
        req.on('error', () => resolve());
        req.end(r.body);
      });
      await new Promise((r) => setTimeout(r, 1000 / perSecond));
    }
  })();
  try {
    return await reads();
  } finally {
    stop = true;
    await writer;
    agent.destroy();
  }
}

/** A multipart/form-data body of plain fields, as a browser's FormData sends it. */
function multipart(fields: Record<string, string>): { headers: Record<string, string>; body: Buffer } {
  const boundary = `----luoshi${randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const body = Buffer.from(parts.join('') + `--${boundary}--\r\n`);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) }, body };
}

/** One figure's line; with the server's pid, also its memory after the figure (and the peak so far). */
const show = (label: string, f: Figures, pid?: number) =>
  console.log(`${label.padEnd(46)} ${String(f.rps).padStart(6)} req/s  p50 ${String(f.p50).padStart(6)} ms  p99 ${String(f.p99).padStart(6)} ms  (${f.n} requests, ${f.errors} errors)${pid ? `  RSS ${rssMb(pid, 'VmRSS')} MB, peak ${rssMb(pid, 'VmHWM')} MB` : ''}`);

async function benchStore(kind: string): Promise<void> {
  const t0 = Date.now();
  const store = await createStore(kind);
  const seeding = runChild(['--import', 'tsx', fileURLToPath(import.meta.url), 'seed', kind, store.where]);
  const code = await new Promise((r) => seeding.once('exit', r));
  if (code !== 0) throw new Error(`seeding ${kind} failed (${code})`);
  console.log(`${kind}: workspace of ${ORGS}×${TASKS} tasks×${MONTHS} reports seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const { child, port } = await startServer(kind, store.where);
  const base = `http://127.0.0.1:${port}/api`;
  try {
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie };
    const plan = (i: number) => 1 + (i % ORGS);
    const listBody = await (await fetch(`${base}/tasks?planId=1&limit=50`, { headers })).text();
    const dashBody = await (await fetch(`${base}/dashboard?planId=1`, { headers })).text();
    console.log(`${kind} server RSS at start ${rssMb(child.pid!, 'VmRSS')} MB`);
    show(`${kind} task list (50 of 300)`, await load(port, (i) => ({ path: `/api/tasks?planId=${plan(i)}&limit=50&offset=${(i * 50) % TASKS}`, headers })), child.pid);
    show(`${kind} dashboard roll-up (300 tasks)`, await load(port, (i) => ({ path: `/api/dashboard?planId=${plan(i)}`, headers })), child.pid);
    const submission = (i: number): Req => {
      const form = multipart({ period: '2020-12', percent: String(i % 100), narrative: '本月完成情况' });
      return { method: 'POST', path: `/api/tasks/${1 + (i * 7) % (ORGS * TASKS)}/reports`, headers: { cookie, 'x-csrf-token': csrfToken, ...form.headers }, body: form.body };
    };
    show(`${kind} progress submission`, await load(port, submission), child.pid);
    // Reads while units keep submitting (WRITES_PER_SECOND): each submission stales the cached
    // answers that read progress reports, so those are computed afresh as often.
    show(`${kind} task list, ${WRITES_PER_SECOND} submissions/s meanwhile`, await whileWriting(port, WRITES_PER_SECOND, (i) => submission(i + 100_000),
      () => load(port, (i) => ({ path: `/api/tasks?planId=${plan(i)}&limit=50&offset=${(i * 50) % TASKS}`, headers }))), child.pid);
    show(`${kind} dashboard, ${WRITES_PER_SECOND} submissions/s meanwhile`, await whileWriting(port, WRITES_PER_SECOND, (i) => submission(i + 200_000),
      () => load(port, (i) => ({ path: `/api/dashboard?planId=${plan(i)}`, headers }))), child.pid);
    // Cache-Control: no-cache makes the server compute each answer afresh: the reads' cost without the read cache.
    const fresh = { ...headers, 'cache-control': 'no-cache' };
    show(`${kind} task list, no-cache`, await load(port, (i) => ({ path: `/api/tasks?planId=${plan(i)}&limit=50&offset=${(i * 50) % TASKS}`, headers: fresh })), child.pid);
    show(`${kind} dashboard roll-up, no-cache`, await load(port, (i) => ({ path: `/api/dashboard?planId=${plan(i)}`, headers: fresh })), child.pid);
    console.log(`${kind} server peak RSS ${rssMb(child.pid!, 'VmHWM')} MB; response sizes: list ${listBody.length} B, dashboard ${dashBody.length} B`);
    await baseline([listBody.length, dashBody.length]);
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    await store.drop();
  }
}

async function baseline(sizes: number[]): Promise<void> {
  for (const size of sizes) {
    const body = JSON.stringify({ items: 'x'.repeat(Math.max(0, size - 13)) });
    const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    show(`  baseline node:http, ${size} B JSON`, await load(port, () => ({ path: '/' })));
    await new Promise((r) => server.close(r));
  }
}

if (process.argv[2] === 'seed') {
  await runSeed(process.argv[3], process.argv[4]);
} else {
  // The server as `npm start` runs it: the bundle (bin/luoshi.mjs takes it while it is fresh).
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  // `npx tsx bench/api.bench.ts postgres` runs one store only.
  const only = process.argv[2];
  console.log(`concurrency ${CONCURRENCY}, ${WARMUP} warm-up requests, then up to ${REQUESTS} requests or ${TIME_LIMIT_MS / 1000} s per figure; client and server on loopback`);
  if (!only || only === 'pglite') await benchStore('pglite');
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (only === 'pglite') {
    // as asked
  } else if (url) {
    process.env.BENCH_URL = url;
    await benchStore('postgres');
  } else console.log('postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
}
