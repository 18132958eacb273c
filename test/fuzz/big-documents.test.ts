import { describe, expect, it } from 'vitest';
import { runIsolated, type Isolated } from './sandbox.ts';
import type { DocumentCase } from './workers/big-documents.ts';

const worker = new URL('./workers/big-documents.ts', import.meta.url);

function show(run: Isolated<Record<string, DocumentCase>>): void {
  console.table(Object.fromEntries(Object.entries(run.result).map(([k, c]) => [k, {
    'file MB': (c.bytes / 1e6).toFixed(1), 'build ms': Math.round(c.buildMs), 'read ms': Math.round(c.readMs), 'peak rss MB (read)': run.peakRssMbByKind[`${k}: read`] ?? '–', outcome: c.outcome.slice(0, 100),
  }])));
}

describe('a .docx zip bomb', () => {
  it('is refused at the part limit, in bounded time and memory, whichever part explodes', async () => {
    const run = await runIsolated<Record<string, DocumentCase>>(worker, ['document.xml inflating to 2 GB', 'styles.xml inflating to 1 GB'], { caseTimeoutMs: 20_000, maxHeapMb: 512 });
    show(run);
    const { 'document.xml inflating to 2 GB': document, 'styles.xml inflating to 1 GB': styles } = run.result;
    expect(document.bytes).toBeLessThan(12e6);
    expect(document.outcome).toBe('RefusedInput: bomb.docx: corrupt .docx: zip entry word/document.xml decompresses to more than 64.0 MB (zip bomb?)');
    expect(styles.outcome).toBe('RefusedInput: styles-bomb.docx: corrupt .docx: zip entry word/styles.xml decompresses to more than 64.0 MB (zip bomb?)');
    for (const [k, c] of Object.entries(run.result)) {
      // About 1–2 s on an idle machine (inflating 64 MB); the bound leaves room for a loaded CI runner.
      expect(c.readMs, k).toBeLessThan(15_000);
      expect(run.peakRssMbByKind[`${k}: read`] ?? 0, k).toBeLessThan(400);
    }
  });
});

describe('a 100 MB text', () => {
  // It passes the 100 MiB byte limit but holds 35 M characters, 7× what a report can: analysing it
  // would take about a minute and 1 GB, so it is refused after decoding, in bounded time and memory.
  it('is refused by its length in bounded time and memory, so it never reaches analyse()', async () => {
    const run = await runIsolated<Record<string, DocumentCase>>(worker, ['100 MB text, read and analysed'], { caseTimeoutMs: 15_000, maxHeapMb: 1536 });
    show(run);
    const c = run.result['100 MB text, read and analysed'];
    expect(c.outcome).toMatch(/^RefusedInput: huge\.txt: text is \d+(\.\d)? M characters, more than the 5 M a report holds$/);
    expect(c.readMs).toBeLessThan(10_000);
    expect(run.peakRssMbByKind['100 MB text, read and analysed: read']).toBeLessThan(1_000);
  });
});

describe('markup with an absurd number of elements', () => {
  // Parsing costs 15–35 µs an element, so unbounded these took ~34 s (a 14 MB page of a million
  // <span>s) and ~12 s (a 67 KB .docx of 300 000 paragraphs); a report has a few thousand elements.
  it('a web page of a million elements and a .docx of 300 000 paragraphs are refused within 5 s', async () => {
    const run = await runIsolated<Record<string, DocumentCase>>(worker, ['web page of a million elements', '.docx of 300 000 paragraphs'], { caseTimeoutMs: 5_000, maxHeapMb: 1536 });
    show(run);
    expect(run.result['web page of a million elements'].outcome).toBe('RefusedInput: wide.html: web page has more than 200000 elements, far more than a report holds');
    expect(run.result['.docx of 300 000 paragraphs'].outcome).toBe('RefusedInput: long.docx: corrupt .docx: word/document.xml has more than 200000 elements, far more than a report holds');
    for (const [k, c] of Object.entries(run.result)) expect(c.readMs, k).toBeLessThan(5_000);
  });
});
