import type { Random } from './seeded.ts';
import { encodeGb18030 } from '../text/read-fixtures.ts';

/** One way of damaging a file; `textOnly` ones re-encode text and make no sense for containers. */
export interface Mutator {
  name: string;
  textOnly?: boolean;
  apply(bytes: Uint8Array, rnd: Random, other: Uint8Array): Uint8Array;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};

const randomBytes = (n: number, rnd: Random) => Uint8Array.from({ length: n }, () => rnd.int(256));

/** Positions inside a UTF-8 multi-byte sequence (continuation bytes). */
function continuationAt(bytes: Uint8Array, rnd: Random): number {
  for (let tries = 0; tries < 64; tries++) {
    const i = 1 + rnd.int(Math.max(1, bytes.length - 1));
    if ((bytes[i] & 0xc0) === 0x80) return i;
  }
  return Math.max(1, bytes.length >> 1);
}

/** Signatures that steer random bytes into each reader. */
const PREFIXES = ['', 'PK\x03\x04', '%PDF-1.7\n', '<html><body>', '\xef\xbb\xbf', '\xff\xfe', '\xfe\xff', '<?xml version="1.0"?>'];

export const MUTATORS: Mutator[] = [
  {
    name: 'bit flips',
    apply: (b, rnd) => { const out = b.slice(); for (let k = 1 + rnd.int(16); k > 0; k--) out[rnd.int(out.length)] ^= 1 << rnd.int(8); return out; },
  },
  { name: 'truncation', apply: (b, rnd) => b.slice(0, rnd.int(b.length)) },
  {
    name: 'NULs inserted',
    apply: (b, rnd) => { let out = b; for (let k = 1 + rnd.int(8); k > 0; k--) { const at = rnd.int(out.length); out = concat(out.subarray(0, at), new Uint8Array(1 + rnd.int(4)), out.subarray(at)); } return out; },
  },
  { name: 'splice of two files', apply: (b, rnd, other) => concat(b.subarray(0, rnd.int(b.length)), other.subarray(rnd.int(other.length))) },
  {
    name: 'run overwritten',
    apply: (b, rnd) => { const out = b.slice(); const at = rnd.int(out.length); out.set(randomBytes(Math.min(1 + rnd.int(512), out.length - at), rnd), at); return out; },
  },
  {
    name: 'chunk repeated',
    apply: (b, rnd) => { const at = rnd.int(b.length); const chunk = b.subarray(at, at + 1 + rnd.int(2048)); return concat(b.subarray(0, at), ...Array<Uint8Array>(50 + rnd.int(200)).fill(chunk), b.subarray(at)); },
  },
  {
    name: 'random bytes behind a signature',
    apply: (_b, rnd) => concat(Uint8Array.from(rnd.pick(PREFIXES), (c) => c.charCodeAt(0)), randomBytes(1 + rnd.int(32 * 1024), rnd)),
  },
  { name: 'UTF-8 cut mid-character', textOnly: true, apply: (b, rnd) => b.slice(0, continuationAt(b, rnd)) },
  {
    name: 'UTF-8 bytes lost mid-character',
    textOnly: true,
    apply: (b, rnd) => { let out = b; for (let k = 1 + rnd.int(6); k > 0; k--) { const at = continuationAt(out, rnd); out = concat(out.subarray(0, at), out.subarray(at + 1)); } return out; },
  },
  {
    name: 'UTF-16 without BOM',
    textOnly: true,
    apply: (b, rnd) => {
      const text = new TextDecoder().decode(b);
      const le = rnd.next() < 0.5;
      const out = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        const u = text.charCodeAt(i);
        out[2 * i + (le ? 0 : 1)] = u & 0xff;
        out[2 * i + (le ? 1 : 0)] = u >> 8;
      }
      return rnd.next() < 0.3 ? out.subarray(0, out.length - 1) : out;
    },
  },
  {
    name: 'mixed UTF-8 and GB18030',
    textOnly: true,
    apply: (b, rnd) => {
      const text = new TextDecoder().decode(b);
      const cut = rnd.int(text.length);
      // Characters outside GBK's two-byte table are dropped: the point is the switch of encoding.
      const gbk = [...text.slice(cut)].map((c) => { try { return encodeGb18030(c); } catch { return new Uint8Array(); } });
      return concat(new TextEncoder().encode(text.slice(0, cut)), ...gbk);
    },
  },
];
