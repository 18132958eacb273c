// A real `luoshi serve` process for the fault tests: started on a free port, watched through
// its logs, stopped with SIGKILL when a test says so.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const ADMIN_PASSWORD = 'Fault-Admin-Pw-7391';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** stdout and stderr so far. */
  logs(): string;
  exited: Promise<number | null>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs a luoshi CLI command to its end. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['bin/luoshi.mjs', ...args], { cwd: REPO, env: { ...process.env, ...env } });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

/** Spawns `luoshi serve` and waits for it to answer /api/health (or to exit). */
export async function startServer(args: string[], env: Record<string, string> = {}, timeoutMs = 150_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/luoshi.mjs', 'serve', '--port', String(port), '--seeds', '/nonexistent', ...args], {
    cwd: REPO, env: { ...process.env, LUOSHI_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env },
  });
  let logs = '';
  child.stdout!.on('data', (d) => { logs += d; });
  child.stderr!.on('data', (d) => { logs += d; });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}/api`;
  const server: ServerProcess = {
    child, base, logs: () => logs, exited,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => { gone = true; });
  while (Date.now() < deadline && !gone) {
    try {
      if ((await fetch(`${base}/health`)).status === 200) return server;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  await server.kill9();
  throw new Error(`luoshi serve did not come up:\n${logs}`);
}

export interface ApiSession { cookie: string; csrf: string }

export async function login(base: string, username = 'admin', password = ADMIN_PASSWORD): Promise<ApiSession> {
  const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

export async function api(base: string, s: ApiSession, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { cookie: s.cookie, 'x-csrf-token': s.csrf };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(base + path, { method, headers, body: payload });
  const text = await res.text();
  try { return { status: res.status, body: JSON.parse(text) }; } catch { return { status: res.status, body: text }; }
}
