import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

/** Shared by the browser tests and the web bench: build, serve, drive Chromium. */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
export const DIST = join(ROOT, 'web/dist');
export const ADMIN_PASSWORD = 'e2e-admin-password';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Builds the web app once when web/dist is missing (a build takes a few seconds). */
export function ensureWebBuilt(): void {
  if (existsSync(join(DIST, 'index.html'))) return;
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', 'web', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, child?: ChildProcess, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let output = '';
  child?.stdout?.on('data', (d) => { output += d; });
  child?.stderr?.on('data', (d) => { output += d; });
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`luoshi serve exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`luoshi serve did not answer /api/health in ${timeoutMs} ms:\n${output}`);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
};

/** The API and web/dist in this process, for as long as `luoshi serve` is not registered as a command. */
async function startInProcess(dataDir: string, port: number, seedsDir: string): Promise<() => Promise<void>> {
  const { openStore } = await import('../../src/store/open.ts');
  const { createApp } = await import('../../src/server/app.ts');
  const { ensureAdmin } = await import('../../src/server/users.ts');
  const { buildDemo } = await import('../../src/server/demo.ts');
  const { serve } = await import('@hono/node-server');
  const db = await openStore({ data: dataDir });
  await ensureAdmin(db, ADMIN_PASSWORD);
  await buildDemo(db, seedsDir, new Date().toISOString().slice(0, 10), DEMO_PASSWORD);
  const app = createApp({ db });
  app.get('*', (c) => {
    const path = join(DIST, decodeURIComponent(new URL(c.req.url).pathname));
    const file = path.startsWith(DIST) && existsSync(path) && statSync(path).isFile() ? path : join(DIST, 'index.html');
    return new Response(readFileSync(file), { headers: { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' } });
  });
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  return async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
    await db.close();
  };
}

export const DEMO_PASSWORD = 'e2e-demo-password';

const serveRegistered = () => /register as serve\b|\bserve: /.test(readFileSync(join(ROOT, 'src/cli/commands.ts'), 'utf8'));

/**
 * Starts `luoshi serve` on a fresh data directory and a free port on
 * 127.0.0.1. Its demo workspace is built from the seed files named (all of
 * them by default), so a test can start from only the 2019 notice.
 */
export async function startServer(options: { seeds?: string[] } = {}): Promise<RunningServer> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'luoshi-e2e-'));
  let seedsDir = SEEDS;
  if (options.seeds) {
    seedsDir = join(dataDir, 'seeds');
    mkdirSync(seedsDir);
    for (const f of options.seeds) symlinkSync(join(SEEDS, f), join(seedsDir, f));
  }
  const store = join(dataDir, 'store');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let stop: () => Promise<void>;
  if (serveRegistered()) {
    const child = spawn(process.execPath, [join(ROOT, 'bin/luoshi.mjs'), 'serve', '--data', store, '--port', String(port), '--host', '127.0.0.1', '--seeds', seedsDir], {
      cwd: ROOT, env: { ...process.env, LUOSHI_ADMIN_PASSWORD: ADMIN_PASSWORD, LUOSHI_DEMO_PASSWORD: DEMO_PASSWORD, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForHealth(url, child);
    stop = async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    };
  } else {
    stop = await startInProcess(store, port, seedsDir);
    await waitForHealth(url);
  }
  return {
    url, dataDir,
    async stop() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh Chromium profile each time: empty cache, no cookies. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'luoshi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true, viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A logged-in API client (cookie + CSRF token), for setting up what the journey does not show. */
export async function apiClient(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) { headers['content-type'] = 'application/json'; payload = JSON.stringify(body); }
    const r = await fetch(`${base}/api${path}`, { method, headers, body: payload });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  };
}
