import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { serveWebApp } from '../../src/server/static.ts';

describe('serving the built web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>落实</title>');
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  writeFileSync(join(dir, '..', 'secret.txt'), 'not for the web');
  const app = new Hono();
  const served = serveWebApp(app, dir);

  it('serves files, hashed assets cached for long', async () => {
    expect(served).toBe(true);
    const js = await app.request('/assets/app-1a2b.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('answers index.html for client routes and for paths outside the directory', async () => {
    expect(await (await app.request('/tasks/12')).text()).toContain('落实');
    expect(await (await app.request('/../secret.txt')).text()).not.toContain('not for the web');
    expect(await (await app.request('/%2e%2e/secret.txt')).text()).not.toContain('not for the web');
  });

  it('serves nothing when the app is not built', () => {
    expect(serveWebApp(new Hono(), join(dir, 'missing'))).toBe(false);
  });
});
