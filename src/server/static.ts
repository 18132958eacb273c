import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

/** Text compresses; images and woff2 fonts already are. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt', '.ico']);
/** Below this a compressed answer saves less than its headers cost. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Coding = 'br' | 'gzip';

interface Prepared {
  /** Size and mtime of the file the entry was made from: a rebuilt web app is read again. */
  stamp: string;
  identity: Buffer;
  encoded: Partial<Record<Coding, Buffer>>;
}

async function prepare(file: string, stamp: string): Promise<Prepared> {
  const identity = readFileSync(file);
  const encoded: Partial<Record<Coding, Buffer>> = {};
  if (COMPRESSIBLE.has(extname(file)) && identity.length >= MIN_BYTES) {
    // Done once per file and kept, so the slowest, smallest settings are worth it.
    const [br, gz] = await Promise.all([
      brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
      gzipAsync(identity, { level: 9 }),
    ]);
    if (br.length < identity.length) encoded.br = br;
    if (gz.length < identity.length) encoded.gzip = gz;
  }
  return { stamp, identity, encoded };
}

/**
 * The codings the client accepts, best first among those we have: brotli before
 * gzip, `q=0` refuses one, `*` stands for any not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: Coding[]): Coding | null {
  if (!acceptEncoding || available.length === 0) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';').map((s) => s.trim());
    if (!name) continue;
    const qp = params.find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (c: Coding) => q.get(c) ?? q.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((c) => available.includes(c) && weight(c) > 0);
  best.sort((a, b) => weight(b) - weight(a));
  return best[0] ?? null;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : e.isFile() ? [path] : [];
  });
}

/**
 * Serves the built web app from `dir` at `/`: files as they are or compressed
 * (brotli or gzip, as the client accepts; compressed once and kept in memory,
 * starting at once in the background), hashed assets cached for a year, and
 * index.html for every other path (client routing). Paths leaving `dir` get index.html.
 */
export function serveWebApp(app: Hono, dir: string): boolean {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  const cache = new Map<string, Promise<Prepared>>();

  const load = (file: string): Promise<Prepared> => {
    const st = statSync(file);
    const stamp = `${st.size}:${st.mtimeMs}`;
    const cached = cache.get(file);
    if (cached) {
      return cached.then((p) => {
        if (p.stamp === stamp) return p;
        cache.delete(file);
        return load(file);
      });
    }
    const fresh = prepare(file, stamp);
    cache.set(file, fresh);
    fresh.catch(() => cache.delete(file));
    return fresh;
  };
  for (const file of filesUnder(root)) load(file).catch(() => undefined);

  app.get('*', async (c) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      path = '/';
    }
    const file = resolve(root, '.' + path);
    const inside = file === root || file.startsWith(root + sep);
    const target = inside && !path.includes('\0') && existsSync(file) && statSync(file).isFile() ? file : index;
    const prepared = await load(target);
    const available = Object.keys(prepared.encoded) as Coding[];
    const coding = chooseEncoding(c.req.header('accept-encoding'), available);
    const body = coding ? prepared.encoded[coding]! : prepared.identity;
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'content-length': String(body.length),
      'x-content-type-options': 'nosniff',
      'cache-control': target.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    // Caches must keep one copy per coding whenever we could have answered differently.
    if (available.length > 0) headers.vary = 'Accept-Encoding';
    if (coding) headers['content-encoding'] = coding;
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { headers });
  });
  return true;
}
