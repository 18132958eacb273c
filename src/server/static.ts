import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Hono } from 'hono';
import { CODINGS, COMPRESS, filesUnder, isCompressible, type Coding } from './compressible.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

interface Prepared {
  /** Size and mtime of the file the entry was made from: a rebuilt web app is read again. */
  stamp: string;
  identity: Buffer;
  /** Whether a compressed form is (or will be) there: the answer then varies by Accept-Encoding. */
  compressible: boolean;
  /** Filled in as each compression finishes; until then the best one ready is sent. */
  encoded: Partial<Record<Coding, Buffer>>;
  /** Settles when every compression of this entry has finished. */
  done: Promise<void>;
}

/**
 * For files the build did not precompress (web/build/precompress.ts): brotli, the
 * slow one, once per file, one file at a time, off the request path; gzip is fast
 * and ready first.
 */
let brotliQueue: Promise<unknown> = Promise.resolve();

/** A sibling `file.br` / `file.gz` written by the build, if it is not older than the file itself. */
function precompressed(file: string, mtimeMs: number, suffix: string): Buffer | undefined {
  const sibling = file + suffix;
  if (!existsSync(sibling) || statSync(sibling).mtimeMs < mtimeMs) return undefined;
  return readFileSync(sibling);
}

function prepare(file: string, stamp: string, mtimeMs: number): Prepared {
  const identity = readFileSync(file);
  const compressible = isCompressible(file, identity.length);
  const entry: Prepared = { stamp, identity, compressible, encoded: {}, done: Promise.resolve() };
  if (!compressible) return entry;
  for (const { coding, suffix } of CODINGS) {
    const ready = precompressed(file, mtimeMs, suffix);
    if (ready) entry.encoded[coding] = ready;
  }
  const keep = (coding: Coding) => (out: Buffer) => { if (out.length < identity.length) entry.encoded[coding] = out; };
  const gz = entry.encoded.gzip ? undefined : COMPRESS.gzip(identity).then(keep('gzip'));
  const br = entry.encoded.br ? undefined : brotliQueue.then(() => COMPRESS.br(identity)).then(keep('br'));
  if (br) brotliQueue = br.catch(() => undefined);
  entry.done = Promise.all([gz, br]).then(() => undefined, () => undefined);
  return entry;
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

const ready = new WeakMap<Hono, Promise<void>>();

/** Settles when every file served by `serveWebApp(app, …)` has its compressed forms (tests, benches). */
export function webAppCompressed(app: Hono): Promise<void> {
  return ready.get(app) ?? Promise.resolve();
}

/**
 * Serves the built web app from `dir` at `/`: files as they are or compressed
 * (brotli or gzip, as the client accepts; compressed once, in the background from
 * the start, and kept in memory; until a file's compressed form is ready it goes as
 * the best one that is), hashed assets cached for a year, and
 * index.html for every other path (client routing). Paths leaving `dir` get index.html.
 */
export function serveWebApp(app: Hono, dir: string): boolean {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  const cache = new Map<string, Prepared>();

  const load = (file: string): Prepared => {
    const st = statSync(file);
    const stamp = `${st.size}:${st.mtimeMs}`;
    const cached = cache.get(file);
    if (cached?.stamp === stamp) return cached;
    const fresh = prepare(file, stamp, st.mtimeMs);
    cache.set(file, fresh);
    return fresh;
  };
  const all = filesUnder(root).filter((f) => !CODINGS.some(({ suffix }) => f.endsWith(suffix))).map(load);
  ready.set(app, Promise.all(all.map((p) => p.done)).then(() => undefined));

  app.get('*', (c) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      path = '/';
    }
    const file = resolve(root, '.' + path);
    const inside = file === root || file.startsWith(root + sep);
    const target = inside && !path.includes('\0') && existsSync(file) && statSync(file).isFile() ? file : index;
    const prepared = load(target);
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
    if (prepared.compressible) headers.vary = 'Accept-Encoding';
    if (coding) headers['content-encoding'] = coding;
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { headers });
  });
  return true;
}
