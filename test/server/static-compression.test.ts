import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
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

describe('precompressed static files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-web-pre-'));
  mkdirSync(join(dir, 'assets'));
  const script = 'export const 督查 = "通报";\n'.repeat(300);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>落实</title>');
  writeFileSync(join(dir, 'assets', 'fresh-1.js'), script);
  writeFileSync(join(dir, 'assets', 'stale-2.js'), script);
  // Quality 1 gives other bytes than the server's own quality 11, so the test can tell whose they are.
  const built = brotliCompressSync(script, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
  writeFileSync(join(dir, 'assets', 'fresh-1.js.br'), built);
  writeFileSync(join(dir, 'assets', 'stale-2.js.br'), built);
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(dir, 'assets', 'stale-2.js.br'), past, past);
  const app = new Hono();
  serveWebApp(app, dir);

  it('sends the build\'s .br as it is, without compressing again', async () => {
    const res = await app.request('/assets/fresh-1.js', { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(Buffer.from(await res.arrayBuffer()).equals(built)).toBe(true);
  });

  it('ignores a compressed sibling older than its file, and compresses the file itself', async () => {
    await webAppCompressed(app);
    const res = await app.request('/assets/stale-2.js', { headers: { 'accept-encoding': 'br' } });
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(built)).toBe(false);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });
});
