// Issue 7, deliverable 6: security headers on the API and the web app, session cookies,
// login rate limiting and password storage.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app.ts';
import { RateLimiter } from '../../src/server/auth/rate-limit.ts';
import { serveWebApp } from '../../src/server/static.ts';
import { describeStores } from '../store/stores.ts';
import { Client, makeWorkspace, NOW, PASSWORD } from '../server/harness.ts';

/** Parses a CSP header into directive → sources. */
function csp(header: string | null): Map<string, string[]> {
  return new Map((header ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...src]) => [name.toLowerCase(), src]));
}

function expectSafeHeaders(headers: Headers, what: string): void {
  const policy = csp(headers.get('content-security-policy'));
  expect(policy.size, `${what}: Content-Security-Policy`).toBeGreaterThan(0);
  const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
  expect(scripts, `${what}: script-src`).not.toContain("'unsafe-inline'");
  expect(scripts, `${what}: script-src`).not.toContain("'unsafe-eval'");
  expect(scripts.length, `${what}: script-src`).toBeGreaterThan(0);
  expect(["'none'", "'self'"], `${what}: frame-ancestors`).toContain((policy.get('frame-ancestors') ?? []).join(' '));
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
}

describeStores('security headers and cookies', (db) => {
  let app: Hono;
  let client: Client;
  let webDir: string;
  beforeAll(async () => {
    await makeWorkspace(db());
    webDir = mkdtempSync(join(tmpdir(), 'luoshi-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
    app = createApp({ db: db(), now: () => NOW, loginLimiter: new RateLimiter(3) });
    serveWebApp(app, webDir);
    client = new Client(app);
  }, 60_000);
  afterAll(() => rmSync(webDir, { recursive: true, force: true }));

  it('sends a script-safe CSP, frame-ancestors, nosniff and a referrer policy on API answers and web pages', async () => {
    for (const path of ['/api/health', '/api/nope', '/api/tasks', '/', '/tasks/12', '/index.html']) {
      const res = await app.request(path);
      expectSafeHeaders(res.headers, path);
    }
  });

  it('keeps the built web app free of inline scripts, so the CSP needs no unsafe-inline', async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const built = new URL('../../web/dist/index.html', import.meta.url);
    if (!existsSync(built)) return;
    const html = readFileSync(built, 'utf8');
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) expect(tag).toMatch(/^<script\b[^>]*\bsrc=[^>]*>\s*<\/script>$/);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, Secure only behind HTTPS', async () => {
    const login = (headers: Record<string, string> = {}) => app.request('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'viewer', password: PASSWORD }),
    });
    const plain = (await login()).headers.get('set-cookie')!;
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    expect(plain).not.toMatch(/Secure/i);
    expect((await login({ 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const always = createApp({ db: db(), now: () => NOW, secureCookies: true });
    const res = await always.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: PASSWORD }) });
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('rate-limits failed logins per user, and still refuses the right password while limited', async () => {
    const attempt = (password: string) => client.call('POST', '/api/auth/login', { body: { username: 'unitA', password } });
    for (let i = 0; i < 3; i++) expect((await attempt('guess ' + i)).status).toBe(401);
    const limited = await attempt(PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await client.call('POST', '/api/auth/login', { body: { username: 'unitB', password: PASSWORD } })).status).toBe(200);
  });

  it('stores passwords only as salted scrypt hashes', async () => {
    const { rows } = await db().query<{ username: string; password_hash: string }>('SELECT username, password_hash FROM users');
    const hashes = new Set<string>();
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]{20,}\$[A-Za-z0-9+/=]{40,}$/);
      expect(r.password_hash).not.toContain(PASSWORD);
      hashes.add(r.password_hash);
    }
    expect(hashes.size, 'same password, different salts').toBe(rows.length);
    const everything = JSON.stringify((await db().query('SELECT * FROM audit_log')).rows) + JSON.stringify((await db().query('SELECT * FROM sessions')).rows);
    expect(everything).not.toContain(PASSWORD);
  });
});
