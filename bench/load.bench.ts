// Load test (issue 7, deliverable 1): 64 concurrent users on loopback against a server in a
// second process — units submitting reports with evidence, leaders reading dashboards, the
// office editing and reviewing — on the benchmark workspace (10 organisations × 300 tasks ×
// 12 monthly reports), on PGlite and on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL).
// Then it checks that every accepted write is in the store exactly once (counts and audit log).
//
// LUOSHI_LOAD_SECONDS: duration per store (default 300); LUOSHI_LOAD_SECONDS=15 is the smoke check.
// LUOSHI_LOAD_STORES: `pglite,postgres` (default: both, postgres only when a URL is set).
// Bounded in count too: LUOSHI_LOAD_MAX_REQUESTS (default 5,000,000) per store.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accounts, OFFICE_USERS, ORGS, TASKS, MONTHS } from './load/seed.ts';
import { newTally, VirtualUser, type Tally } from './load/users.ts';

const SECONDS = Number(process.env.LUOSHI_LOAD_SECONDS ?? 300);
const MAX_REQUESTS = Number(process.env.LUOSHI_LOAD_MAX_REQUESTS ?? 5_000_000);
const USERS = 64;
/** Of the 64: units submitting, leaders reading, office editing and reviewing. */
const MIX = { unit: 32, leader: 20, admin: 12 } as const;

function startServer(kind: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(new URL('./load/server.ts', import.meta.url)), [kind], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (m: { ready?: number }) => { if (m.ready) resolve({ child, port: m.ready }); });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

function ask<T>(child: ChildProcess, message: object, key: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: Record<string, unknown>) => {
      if (key in m) { child.off('message', on); resolve(m[key] as T); }
    };
    child.on('message', on);
    child.send(message);
  });
}

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

function report(kind: string, t: Tally, seconds: number): void {
  console.log(`${kind}: ${t.requests} requests in ${seconds.toFixed(0)} s (${Math.round(t.requests / seconds)} req/s)`);
  for (const [type, times] of [...t.times].sort()) {
    times.sort((a, b) => a - b);
    console.log(`  ${type.padEnd(20)} ${String(times.length).padStart(8)}  p50 ${pct(times, 0.5).toFixed(1).padStart(7)} ms  p99 ${pct(times, 0.99).toFixed(1).padStart(7)} ms`);
  }
  console.log(`  by status: ${[...t.statuses].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);
  console.log(`  errors: ${t.errors.size === 0 ? 'none' : [...t.errors].map(([k, n]) => `${k} ×${n}`).join('; ')}`);
  console.log(`  accepted writes: ${t.submitted} reports (with one evidence file each), ${t.accepted} reviews, ${t.edited} edits; ${t.conflicts} intended 409s`);
}

/** Every write the clients saw accepted is in the store exactly once, with its audit row. */
function check(t: Tally, f: Record<string, number>): string[] {
  const want: [string, number, number][] = [
    ['reports', f.reports, t.submitted], ['distinct reports', f.distinctReports, t.submitted],
    ['evidence files', f.evidence, t.submitted], ['audit report.submit', f.auditSubmits, t.submitted],
    ['audit evidence.create', f.auditEvidence, t.submitted], ['accepted reports', f.acceptedReports, t.accepted],
    ['audit report.accept', f.auditAccepts, t.accepted], ['audit task.update', f.auditEdits, t.edited],
    ['distinct edits', f.distinctEdits, t.edited], ['version bumps', f.versionBumps, t.edited],
    ['orphaned evidence', f.orphanEvidence, 0],
  ];
  return want.filter(([, got, expected]) => got !== expected).map(([what, got, expected]) => `${what}: store has ${got}, clients saw ${expected}`);
}

async function loadStore(kind: string): Promise<boolean> {
  const t0 = Date.now();
  const { child, port } = await startServer(kind);
  const base = `http://127.0.0.1:${port}/api`;
  try {
    console.log(`${kind}: workspace of ${ORGS} organisations × ${TASKS} tasks × ${MONTHS} reports ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const all = accounts();
    const byRole = (role: string) => all.filter((a) => a.role === role);
    const tally = newTally();
    const users: VirtualUser[] = [];
    let office = 0;
    for (const [role, count] of Object.entries(MIX)) {
      const pool = byRole(role);
      for (let i = 0; i < count; i++) {
        users.push(new VirtualUser(base, pool[i % pool.length], users.length, tally, MIX.admin, role === 'admin' ? office++ : -1));
      }
    }
    if (users.length !== USERS) throw new Error(`${users.length} users, want ${USERS}`);
    for (const u of users) await u.login();
    const started = Date.now();
    const atStart = memoryMb(child.pid!);
    let loadPeak = atStart.rss;
    // VmHWM includes seeding; the sampled peak is the server's memory while it serves the load.
    const sampler = setInterval(() => { loadPeak = Math.max(loadPeak, memoryMb(child.pid!).rss); }, 1000);
    await Promise.all(users.map((u) => u.run(started + SECONDS * 1000, MAX_REQUESTS)));
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    report(kind, tally, seconds);
    const mem = memoryMb(child.pid!);
    console.log(`  server memory: rss ${atStart.rss} MB after seeding, ${loadPeak} MB peak under load (sampled each second), ${mem.rss} MB at the end; process high-water mark ${mem.peak} MB`);
    const figures = await ask<Record<string, number>>(child, { figures: true }, 'figures');
    const problems = check(tally, figures);
    const errors = [...tally.errors.values()].reduce((a, b) => a + b, 0);
    console.log(`  store: ${JSON.stringify(figures)}`);
    console.log(`  ${kind}: ${errors === 0 && problems.length === 0 ? 'OK — zero errors, every accepted write stored exactly once' : `FAILED: ${errors} errors; ${problems.join('; ')}`}`);
    return errors === 0 && problems.length === 0;
  } finally {
    child.send({ stop: true });
    await new Promise((r) => child.once('exit', r));
  }
}

console.log(`load: ${USERS} users (${MIX.unit} units, ${MIX.leader} leaders, ${MIX.admin} office, ${OFFICE_USERS} office accounts), ${SECONDS} s per store, loopback`);
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) process.env.LOAD_DATABASE_URL = url;
const stores = (process.env.LUOSHI_LOAD_STORES ?? 'pglite,postgres').split(',').filter((s) => s !== 'postgres' || url);
if (!url) console.log('postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
let ok = true;
for (const kind of stores) ok = (await loadStore(kind)) && ok;
if (!ok) process.exit(1);
