import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/text/read.ts';
import { RefusedInput } from '../../src/text/source.ts';
import { buildDocx, buildTextPdf, corpus, para, row, table, utf8 } from './read-fixtures.ts';

describe('the corpus', () => {
  const files = ['seeds', 'national'].flatMap((d) => readdirSync(join(corpus, d)).map((f) => join(corpus, d, f)));

  it('reads every report as the UTF-8 text it is', async () => {
    expect(files.length).toBeGreaterThan(50);
    for (const path of files) {
      const bytes = new Uint8Array(readFileSync(path));
      const doc = await readDocument(bytes, path);
      expect([doc.format, doc.encoding]).toEqual(['txt', 'utf-8']);
      expect(doc.text).toBe(new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n'));
    }
  });
});

/** Deterministic pseudo-random numbers, so a failing case can be replayed. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) / 2 ** 32; };
}

/** A copy with a few bytes overwritten, a slice cut out, or the tail lost. */
function damage(bytes: Uint8Array, rnd: () => number): Uint8Array {
  const out = bytes.slice();
  const kind = Math.floor(rnd() * 3);
  if (kind === 0) for (let i = 0; i < 8; i++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
  if (kind === 1) {
    const at = Math.floor(rnd() * out.length);
    return new Uint8Array([...out.subarray(0, at), ...out.subarray(at + 1 + Math.floor(rnd() * 64))]);
  }
  if (kind === 2) return out.subarray(0, Math.floor(rnd() * out.length));
  return out;
}

describe('damaged files are read or refused, never crash', () => {
  const samples: [string, Uint8Array][] = [
    ['r.docx', buildDocx(para('实现地区生产总值2211亿元') + table(row('海曙', '10'), row('江北', '5')))],
    ['r.pdf', buildTextPdf([[{ x: 72, y: 760, text: '增长6.5%左右' }]])],
    ['r.html', utf8('<html><head><meta charset="gbk"><script>x</script></head><body><table><tr><td>海曙</td><td>10</td></tr></table><p>增长6.5%</p></body></html>')],
  ];
  it.each(samples)('%s, damaged 40 ways', async (name, bytes) => {
    const rnd = random(bytes.length);
    for (let i = 0; i < 40; i++) {
      const damaged = damage(bytes, rnd);
      try {
        const doc = await readDocument(damaged, name);
        expect(typeof doc.text).toBe('string');
      } catch (err) {
        if (!(err instanceof RefusedInput)) throw new Error(`case ${i} of ${name} crashed: ${(err as Error).stack}`);
        expect(err.message).not.toContain('\n');
      }
    }
  });
});
