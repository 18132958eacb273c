/**
 * Extraction speed on the whole national corpus (52 State Council reports,
 * ≈1.1 M characters): read + analyse, against read + normalise alone as the
 * baseline. Files are loaded into memory first, so disk speed is not measured.
 * Prints the median of RUNS timed runs after one warm-up, and peak memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { readDocument } from '../src/text/read.ts';
import { normalise } from '../src/text/normalise.ts';
import { analyse } from '../src/pipeline.ts';

const RUNS = 7;
const GOAL_MB_PER_S = 5;
const dir = join(import.meta.dirname, '../../shared/corpus/national');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));

let peakHeap = 0;
const sampleHeap = () => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); };

/** One pass over the corpus; returns seconds and what it read. */
async function pass(work: 'baseline' | 'extract'): Promise<{ seconds: number; chars: number; utf8Bytes: number; records: number }> {
  let chars = 0;
  let utf8Bytes = 0;
  let records = 0;
  const start = performance.now();
  for (const f of files) {
    const doc = await readDocument(f.bytes, f.name);
    chars += doc.text.length;
    utf8Bytes += Buffer.byteLength(doc.text, 'utf8');
    if (work === 'baseline') normalise(doc.text);
    else records += analyse(doc).quantities.length;
    sampleHeap();
  }
  return { seconds: (performance.now() - start) / 1000, chars, utf8Bytes, records };
}

async function median(work: 'baseline' | 'extract') {
  await pass(work); // warm-up: JIT, lazy tables, dictionaries
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await pass(work));
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return { ...sorted[Math.floor(RUNS / 2)], fastest: sorted[0].seconds, slowest: sorted[RUNS - 1].seconds };
}

const baseline = await median('baseline');
const extract = await median('extract');
const mb = (bytes: number, s: number) => bytes / 1e6 / s;
const rate = (r: typeof extract) =>
  `${(r.chars / r.seconds / 1e6).toFixed(2)} M chars/s, ${mb(r.utf8Bytes, r.seconds).toFixed(2)} MB/s` +
  ` (median ${(r.seconds * 1000).toFixed(0)} ms of ${RUNS}; fastest ${(r.fastest * 1000).toFixed(0)}, slowest ${(r.slowest * 1000).toFixed(0)})`;

const mbPerS = mb(extract.utf8Bytes, extract.seconds);
console.log(`corpus: ${files.length} reports, ${extract.chars} characters, ${(extract.utf8Bytes / 1e6).toFixed(2)} MB UTF-8, ${extract.records} records`);
console.log(`read + extract:   ${rate(extract)}`);
console.log(`read + normalise: ${rate(baseline)}`);
console.log(`extract / baseline time: ${(extract.seconds / baseline.seconds).toFixed(2)}×`);
console.log(`peak memory: rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, heap ${(peakHeap / 1e6).toFixed(0)} MB`);
console.log(`goal ≥ ${GOAL_MB_PER_S} MB/s on one core: ${mbPerS >= GOAL_MB_PER_S ? 'met' : 'NOT met'} (load average ${loadavg()[0].toFixed(1)} while measuring)`);
