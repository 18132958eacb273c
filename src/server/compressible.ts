import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Text compresses; images and woff2 fonts already are. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt', '.ico']);
/** Below this a compressed answer saves less than its headers cost. */
const MIN_BYTES = 1024;

/** Whether a web file is worth sending compressed: shared by the server and the build that precompresses. */
export function isCompressible(file: string, bytes: number): boolean {
  return COMPRESSIBLE.has(extname(file)) && bytes >= MIN_BYTES;
}

/** The codings we serve, best first, with the suffix of a precompressed sibling file. */
export const CODINGS = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const;

export type Coding = (typeof CODINGS)[number]['coding'];

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Each coding's smallest setting: brotli at quality 11 (8% under quality 9 on our bundle,
 * and the slowest, about 1 MB/s), gzip at level 9. The build and the server compress alike.
 */
export const COMPRESS: Record<Coding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzipAsync(body, { level: 9 }),
};

/** Every file below `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : e.isFile() ? [path] : [];
  });
}
