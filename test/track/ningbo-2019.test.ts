import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { QuantityRecord } from '../../src/extract/quantity.ts';
import { promiseKeeping, reconcile } from '../../src/track/reconcile.ts';

// Ningbo's 2019 targets as the hand-made answers give them (seed 001), against
// results entered by hand the way a clerk would copy them from the 2020 review.
const gold = fileURLToPath(new URL('../../../shared/gold/001.quantities.jsonl', import.meta.url));
const targets: QuantityRecord[] = readFileSync(gold, 'utf8').split('\n').filter((l) => l.trim())
  .map((l) => JSON.parse(l)).filter((r) => r.kind === 'target');

const review = [
  { indicator: '全市地区生产总值', measure: 'growth' as const, value: 6.8, unit: '%', period: '2019', quote: '全市地区生产总值增长6.8%' },
  { indicator: '研发经费支出占比', measure: 'level' as const, value: 2.8, unit: '%', period: '2019', quote: '研发经费支出占比接近2.8%' },
  { indicator: '城镇登记失业率', measure: 'level' as const, value: 1.8, unit: '%', period: '2019', quote: '城镇登记失业率1.8%' },
];

describe("Ningbo keeps its 2019 promises (gold targets of seed 001, results entered by hand)", () => {
  const rows = reconcile(targets, review);
  const verdictOf = (indicator: string) => rows.find((r) => r.target.indicator === indicator)?.judgement.verdict;

  it('GDP 增长6.8%左右 → 6.8%: met', () => expect(verdictOf('地区生产总值')).toBe('met'));
  it('R&D share 超过2.8% → 接近2.8%: missed', () => expect(verdictOf('研发经费支出占比')).toBe('missed'));
  it('unemployment 3.5%以内 → 1.8%: met', () => expect(verdictOf('城镇登记失业率')).toBe('met'));
  it('each result answers its own target only; the rest await data', () => {
    expect(rows.filter((r) => r.match).map((r) => r.target.indicator).sort()).toEqual(['地区生产总值', '城镇登记失业率', '研发经费支出占比']);
    const [all] = promiseKeeping(rows);
    expect(all).toMatchObject({ met: 2, missed: 1, judged: 3 });
    expect(all.no_data).toBe(rows.filter((r) => !r.judgement.stretch).length - 3);
  });
});
