import { extname } from 'node:path';

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
