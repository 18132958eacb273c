import { beforeAll, expect, it } from 'vitest';
import { RateLimiter } from '../../src/server/auth/rate-limit.ts';
import { describeStores } from '../store/stores.ts';
import { Client, makeClient, makeWorkspace, type Session, type Workspace } from './harness.ts';

describeStores('API basics and auth', (db, kind) => {
  let client: Client;
  let ws: Workspace;
  let admin: Session;
  beforeAll(async () => {
    ws = await makeWorkspace(db());
    client = makeClient(db(), new RateLimiter(3, 60_000));
    admin = await client.login('admin');
  });

  it('answers health with the database kind, without login', async () => {
    const res = await client.call('GET', '/api/health');
    expect(res).toMatchObject({ status: 200, body: { ok: true, database: kind } });
  });

  it('describes every route in an OpenAPI 3.1 document', async () => {
    const res = await client.call('GET', '/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/tasks', '/api/tasks/{id}', '/api/auth/login']));
    expect(res.body.paths['/api/tasks'].get.parameters.map((p: { name: string }) => p.name)).toContain('q');
    expect(res.body.paths['/api/tasks/{id}/reports'].post.requestBody.content).toHaveProperty('multipart/form-data');
  });

  it('answers errors as problem+json', async () => {
    const res = await client.call('GET', '/api/tasks');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    const bad = await client.call('GET', '/api/tasks?limit=abc', { as: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('limit');
  });

  it('sets an HttpOnly SameSite=Lax session cookie, Secure behind HTTPS', async () => {
    const plain = await client.app.request('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: 'correct horse 马' }),
    });
    const cookie = plain.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const proxied = await client.app.request('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: 'viewer', password: 'correct horse 马' }),
    });
    expect(proxied.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('stores only scrypt hashes of passwords', async () => {
    const { rows } = await db().query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'admin'`);
    expect(rows[0].password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(rows[0].password_hash).not.toContain('correct horse');
  });

  it('refuses a state change without the CSRF token', async () => {
    const res = await client.call('POST', `/api/tasks/${ws.taskA}/comments`, { as: admin, body: { body: '请加快' }, csrf: false });
    expect(res.status).toBe(403);
    const wrong = await client.call('POST', `/api/tasks/${ws.taskA}/comments`, { as: admin, body: { body: '请加快' }, csrf: false, headers: { 'x-csrf-token': 'forged' } });
    expect(wrong.status).toBe(403);
    const ok = await client.call('POST', `/api/tasks/${ws.taskA}/comments`, { as: admin, body: { body: '请加快' } });
    expect(ok.status).toBe(201);
  });

  it('rate-limits failed logins', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await client.call('POST', '/api/auth/login', { body: { username: 'unitA', password: 'wrong' } })).status).toBe(401);
    }
    const limited = await client.call('POST', '/api/auth/login', { body: { username: 'unitA', password: 'correct horse 马' } });
    expect(limited.status).toBe(429);
    expect(limited.body.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('ends a session on logout', async () => {
    const s = await client.login('leader1');
    expect((await client.call('GET', '/api/auth/me', { as: s })).body.role).toBe('leader');
    expect((await client.call('POST', '/api/auth/logout', { as: s })).status).toBe(200);
    expect((await client.call('GET', '/api/auth/me', { as: s })).status).toBe(401);
  });
});
