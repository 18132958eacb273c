import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, serveWebApp, webAppCompressed } from '../../src/server/static.ts';

describe('compressed static files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-web-'));
  mkdirSync(join(dir, 'assets'));
  const script = 'export const 任务 = "落实";\n'.repeat(400);
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>落实</title>${'<meta name="x">'.repeat(200)}`);
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), script);
  writeFileSync(join(dir, 'assets', 'tiny-9f.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'logo-77.png'), Buffer.alloc(4096, 7));
  writeFileSync(join(dir, '..', 'secret-compress.txt'), 'not for the web');
  const app = new Hono();
  serveWebApp(app, dir);
  const get = (path: string, acceptEncoding?: string) => app.request(path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
  const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());
  const decoded = async (res: Response) => {
    const body = await bytes(res);
    const coding = res.headers.get('content-encoding');
    return (coding === 'br' ? brotliDecompressSync(body) : coding === 'gzip' ? gunzipSync(body) : body).toString();
  };
  let early: Response;
  beforeAll(async () => {
    early = await get('/assets/app-1a2b.js', 'br, gzip');
    await webAppCompressed(app);
  });

  it('answers at once, before compression has finished, with what is ready', async () => {
    expect(early.headers.get('vary')).toBe('Accept-Encoding');
    expect(await decoded(early)).toBe(script);
  });

  it('answers brotli when the client takes it, gzip when only that, the same bytes either way', async () => {
    const br = await get('/assets/app-1a2b.js', 'gzip, deflate, br, zstd');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('cache-control')).toMatch(/immutable/);
    const brBody = await bytes(br);
    expect(Number(br.headers.get('content-length'))).toBe(brBody.length);
    expect(brBody.length).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(brotliDecompressSync(brBody).toString()).toBe(script);
    const gz = await get('/assets/app-1a2b.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(script);
  });

  it('answers plain bytes, still varying by encoding, when the client takes none or refuses them', async () => {
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', '*;q=0']) {
      const res = await get('/assets/app-1a2b.js', accept);
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect((await bytes(res)).toString()).toBe(script);
    }
  });

  it('compresses the index.html of client routes too, and keeps it uncached', async () => {
    const res = await get('/dashboard', 'br');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(await bytes(res)).toString()).toContain('<title>落实</title>');
  });

  it('leaves tiny files and images as they are', async () => {
    for (const path of ['/assets/tiny-9f.js', '/assets/logo-77.png']) {
      const res = await get(path, 'br, gzip');
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBeNull();
    }
    expect((await get('/assets/logo-77.png')).headers.get('content-type')).toBe('image/png');
  });

  it('refuses to leave the directory, encoded or not', async () => {
    for (const path of ['/../secret-compress.txt', '/%2e%2e/secret-compress.txt', '/assets/%2e%2e/%2e%2e/secret-compress.txt', '/%00', '/%E0%A4%A']) {
      const res = await get(path, 'gzip');
      const text = await decoded(res);
      expect(res.status).toBe(200);
      expect(text).not.toContain('not for the web');
      expect(text).toContain('<title>落实</title>');
    }
  });

  it('reads the q-values of Accept-Encoding', () => {
    expect(chooseEncoding('gzip;q=1, br;q=0.5', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('br', ['gzip'])).toBeNull();
    expect(chooseEncoding('deflate', ['br', 'gzip'])).toBeNull();
  });
});
