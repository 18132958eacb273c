import { describe, expect, it } from 'vitest';
import { runIsolated } from './sandbox.ts';
import type { PathologicalTimes } from './workers/pathological.ts';

/**
 * Runs of one piece of report vocabulary, the input on which a regular
 * expression that backtracks turns linear work quadratic. Real reports hold
 * no such runs; a hostile or broken file may.
 */
const PIECES = ['1', '1.', '12%', '、', '和', '万', '亿元', '增长', '%以上', '6%－', '（', '（一）', '一是', '—', '，', '分别', '均增长', '左右', '1、', '第', '2025年', '市发改委、', '张伟、', '百分之', '翻一番', '“', '”5', '\t', '提高1个百分点'];
/** Pieces that take quadratic time today (Chinese numerals, ASCII and ideographic spaces; docs/reliability.md): 10 000 of them cost seconds, 100 000 minutes. */
const QUADRATIC = ['十', '一', ' ', '\u3000'];
const LENGTH = 20_000;
/**
 * Per case (read, analyse, notice and task parsing): tens of milliseconds for most, up to 3 s for
 * packed figures on a loaded machine; a quadratic piece takes 13 s or more at this length.
 */
const BOUND_MS = 10_000;

function report(times: PathologicalTimes): void {
  console.table(Object.fromEntries(Object.entries(times).map(([k, t]) => [k, Object.fromEntries(Object.entries(t).map(([s, ms]) => [s, Math.round(ms)]))])));
}

describe('runs of one piece of report vocabulary', () => {
  it(`finish in bounded time (${LENGTH} characters per case)`, async () => {
    const run = await runIsolated<PathologicalTimes>(new URL('./workers/pathological.ts', import.meta.url), { pieces: PIECES, length: LENGTH }, { caseTimeoutMs: BOUND_MS * 2, maxHeapMb: 1024 });
    report(run.result);
    expect(Object.keys(run.result)).toHaveLength(PIECES.length * 2);
    for (const [kind, t] of Object.entries(run.result)) expect(t.read + t.analyse + t.breakdown + t.tasks, kind).toBeLessThan(BOUND_MS);
  }, 120_000);

  it('of Chinese numerals and spaces finish in bounded time too', async () => {
    const run = await runIsolated<PathologicalTimes>(new URL('./workers/pathological.ts', import.meta.url), { pieces: QUADRATIC, length: LENGTH }, { caseTimeoutMs: BOUND_MS * 2, maxHeapMb: 1024 });
    report(run.result);
    for (const [kind, t] of Object.entries(run.result)) expect(t.read + t.analyse + t.breakdown + t.tasks, kind).toBeLessThan(BOUND_MS);
  });
});
