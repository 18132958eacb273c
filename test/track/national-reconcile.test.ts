import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { QuantityRecord } from '../../src/extract/quantity.ts';
import { analyse } from '../../src/pipeline.ts';
import { promiseKeeping, reconcileReports } from '../../src/track/reconcile.ts';
import { unitsCompatible } from '../../src/track/units.ts';

// The State Council reports: each year's targets against the next year's review.
const dir = fileURLToPath(new URL('../../../shared/corpus/national/', import.meta.url));
const years = readdirSync(dir).filter((f) => /^\d{4}\.txt$/.test(f)).map((f) => Number(f.slice(0, 4))).sort();
const quantities = new Map<number, QuantityRecord[]>();
for (const year of years) {
  const text = readFileSync(`${dir}${year}.txt`, 'utf8');
  quantities.set(year, analyse({ name: `${year}.txt`, format: 'txt', encoding: 'utf-8', text }).quantities);
}
const pairs = years.filter((y) => quantities.has(y + 1)).map((year) => ({
  year,
  rows: reconcileReports(quantities.get(year)!, quantities.get(year + 1)!),
}));
const extracting = [...quantities.values()].some((q) => q.length > 0);

/** Results anyone can check in the reports: the growth target, and what the next report says of it. */
const KNOWN = [
  { year: 2011, indicator: '国内生产总值', target: 8, actual: 9.2, verdict: 'met' },
  { year: 2013, indicator: '国内生产总值', target: 7.5, actual: 7.7, verdict: 'met' },
  { year: 2018, indicator: '国内生产总值', target: 6.5, actual: 6.6, verdict: 'met' },
  { year: 2018, indicator: '居民消费价格', target: 3, actual: 2.1, verdict: 'met' },
  { year: 2021, indicator: '国内生产总值', target: 6, actual: 8.1, verdict: 'met' },
  { year: 2022, indicator: '国内生产总值', target: 5.5, actual: 3, verdict: 'missed' },
  { year: 2023, indicator: '国内生产总值', target: 5, actual: 5.2, verdict: 'met' },
];

const title = extracting
  ? 'national reports: targets of year N against the review in year N+1'
  : 'national reports: SKIPPED, analyse() returns no quantity records for any national report yet';

describe.skipIf(!extracting)(title, () => {
  it('pairs every consecutive pair of reports', () => {
    expect(pairs.map((p) => p.year)).toContain(2018);
    expect(pairs.length).toBeGreaterThanOrEqual(25);
  });

  it.each(KNOWN)('$year: $indicator target $target% against $actual% is $verdict', ({ year, indicator, target, actual, verdict }) => {
    const rows = pairs.find((p) => p.year === year)!.rows;
    const row = rows.find((r) => r.target.indicator === indicator && r.target.measure === 'growth' && r.target.value === target);
    expect(row, `no ${indicator} growth target of ${target}% among ${year}'s targets`).toBeDefined();
    expect(row!.match?.actual).toMatchObject({ kind: 'actual', measure: 'growth', value: actual, period: String(year) });
    expect(row!.judgement.verdict).toBe(verdict);
  });

  it('attaches only actuals of the right kind, period and unit, and judges every attached target', () => {
    for (const { rows } of pairs) {
      for (const row of rows) {
        expect(row.target.kind).toBe('target');
        if (!row.match) {
          expect(['no_data', 'missed', 'partly_met', 'met']).toContain(row.judgement.verdict);
          continue;
        }
        const a = row.match.actual;
        expect(a.kind).toBe('actual');
        expect(row.match.confidence).toBeGreaterThanOrEqual(0.5);
        expect(row.match.confidence).toBeLessThanOrEqual(1);
        if (row.target.period && a.period) expect(a.period.includes(row.target.period.slice(0, 4)) || /^\d{4}-\d{4}$/.test(a.period)).toBe(true);
        expect(unitsCompatible(row.target.unit, a.unit)).toBe(true);
        expect(row.judgement.verdict).not.toBe('no_data');
      }
    }
  });

  it('keeps a plausible share of its firm promises in the reform era (2004 on)', () => {
    const modern = pairs.filter((p) => p.year >= 2004).flatMap((p) => p.rows);
    const [all] = promiseKeeping(modern);
    expect(all.judged).toBeGreaterThanOrEqual(60);
    expect(all.rate).toBeGreaterThan(0.4);
    expect(all.rate).toBeLessThan(1);
  });
});
