import { describe, expect, it } from 'vitest';
import { KEEPING_BY, promiseKeeping, reconcile, reconcileReports } from '../../src/track/reconcile.ts';
import { actual, target } from './factories.ts';

// Ningbo's 2019 promises (seed 001) and what a review of 2019 would say of them
const targets = [
  target({ indicator: '地区生产总值', value: 6.8, cmp: 'approx', period: '2019', section: ['一、经济发展'] }),
  target({ indicator: '研发经费支出占比', measure: 'level', value: 2.8, cmp: 'gt', period: '2019', section: ['二、创新'] }),
  target({ indicator: '城镇登记失业率', measure: 'level', value: 3.5, cmp: 'le', period: '2019', section: ['三、民生'] }),
  target({ indicator: '固定资产投资', value: 8, cmp: 'eq', stretch: true, period: '2019', section: ['一、经济发展'] }),
  target({ indicator: '高新技术产业增加值', measure: 'level', value: 2000, unit: '亿元', cmp: 'gt', period: '2019', section: ['二、创新'] }),
];
const actuals = [
  actual({ indicator: '全市地区生产总值', value: 6.8, period: '2019' }),
  actual({ indicator: '研发经费支出占比', measure: 'level', value: 2.8, period: '2019', quote: '研发经费支出占比接近2.8%' }),
  actual({ indicator: '城镇登记失业率', measure: 'level', value: 1.8, period: '2019' }),
  actual({ indicator: '固定资产投资', value: 6.5, period: '2019' }),
];

describe('reconciling a year\'s targets with the next review', () => {
  const rows = reconcile(targets, actuals);
  it('attaches each target to its actual and judges it', () => {
    expect(rows.map((r) => [r.target.indicator, r.match?.actual.value, r.judgement.verdict])).toEqual([
      ['地区生产总值', 6.8, 'met'],
      ['研发经费支出占比', 2.8, 'missed'],
      ['城镇登记失业率', 1.8, 'met'],
      ['固定资产投资', 6.5, 'missed'],
      ['高新技术产业增加值', undefined, 'no_data'],
    ]);
  });
  it('gives the promise-keeping rate over firm targets; a missed stretch figure is counted apart', () => {
    expect(promiseKeeping(rows)).toEqual([{ key: 'all', met: 2, partly_met: 0, missed: 1, no_data: 1, judged: 3, rate: 2 / 3 }]);
    expect(promiseKeeping(rows, () => 'all', 'stretch')[0]).toMatchObject({ missed: 1, rate: 0 });
  });
  it('by section, or any other key (year, unit, organisation)', () => {
    expect(promiseKeeping(rows, (r) => r.target.section?.[0]).map((g) => [g.key, g.rate])).toEqual([
      ['一、经济发展', 1], ['二、创新', 0], ['三、民生', 1],
    ]);
  });
  it('by year and by the lead unit named in the assignments', () => {
    expect(promiseKeeping(rows, KEEPING_BY.year).map((g) => [g.key, g.met, g.judged])).toEqual([['2019', 2, 3]]);
    const leads: Record<string, string> = { 地区生产总值: '市发改委', 研发经费支出占比: '市科技局', 城镇登记失业率: '市人力社保局' };
    expect(promiseKeeping(rows, KEEPING_BY.unit((t) => leads[t.indicator])).map((g) => [g.key, g.rate])).toEqual([
      ['市发改委', 1], ['市科技局', 0], ['市人力社保局', 1],
    ]);
  });
  it('reconcileReports takes whole analyses: targets from one, actuals from the other', () => {
    const next = [...actuals, target({ indicator: '地区生产总值', value: 6, cmp: 'approx', period: '2020' })];
    const r = reconcileReports([...targets, actual({ indicator: '地区生产总值', value: 7, period: '2018' })], next);
    expect(r).toHaveLength(targets.length);
    expect(r[0].match?.actual.kind).toBe('actual');
  });
  it('one review figure answers one firm promise; a stretch figure shares it', () => {
    const budget = [
      target({ indicator: '中央财政安排', measure: 'level', value: 832, unit: '亿元', period: '2008' }),
      target({ indicator: '中央财政安排', measure: 'level', value: 423, unit: '亿元', period: '2008' }),
      target({ indicator: '中央财政安排', measure: 'level', value: 500, unit: '亿元', period: '2008', stretch: true }),
    ];
    const review = [actual({ indicator: '中央财政安排', measure: 'level', value: 423, unit: '亿元', period: '2008' })];
    expect(reconcile(budget, review).map((r) => r.match?.index)).toEqual([0, undefined, 0]);
    expect(reconcile(budget, review, { shareActuals: true }).map((r) => r.match?.index)).toEqual([0, 0, 0]);
  });
  it('on a tie, a figure bound by 左右/以上/以内 claims the actual before a bare figure', () => {
    const plan = [
      target({ indicator: '国内生产总值', value: 10.3, cmp: 'eq', period: '2011' }),
      target({ indicator: '国内生产总值', value: 8, cmp: 'approx', period: '2011' }),
    ];
    const review = [actual({ indicator: '国内生产总值', value: 9.2, period: '2011' })];
    expect(reconcile(plan, review).map((r) => r.judgement.verdict)).toEqual(['no_data', 'met']);
  });
  it('a firm target whose best actual is taken falls back to its next candidate', () => {
    const two = [
      target({ indicator: '城镇新增就业', measure: 'delta', value: 1100, unit: '万人', cmp: 'ge', period: '2018' }),
      target({ indicator: '城镇新增就业', measure: 'delta', value: 1000, unit: '万人', cmp: 'ge', period: '2018' }),
    ];
    const review = [
      actual({ indicator: '城镇新增就业', measure: 'delta', value: 1361, unit: '万人', period: '2018' }),
      actual({ indicator: '新增就业', measure: 'delta', value: 1300, unit: '万人', period: '2018' }),
    ];
    expect(reconcile(two, review).map((r) => r.match?.actual.value)).toEqual([1361, 1300]);
  });
  it('a weak candidate is shown but not attached', () => {
    const [row] = reconcile([targets[0]], [actual({ indicator: '地区生产总值', value: 6.9, scope: '区本级' })]);
    expect(row.match).toBeUndefined();
    expect(row.candidates).toHaveLength(1);
    expect(row.judgement.verdict).toBe('no_data');
  });
});
