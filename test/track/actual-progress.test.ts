import { describe, expect, it } from 'vitest';
import { actualProgress, latestAccepted } from '../../src/track/progress.ts';
import { target } from './factories.ts';

const parking = target({ indicator: '停车位', measure: 'delta', value: 15000, unit: '个', cmp: 'eq', quote: '新增停车位15000个' });
const jobless = target({ indicator: '城镇登记失业率', measure: 'level', value: 3.5, unit: '%', cmp: 'le', quote: '城镇登记失业率控制在3.5%以内' });
const gdp = target({ indicator: '地区生产总值', measure: 'growth', value: 6.8, unit: '%', cmp: 'approx' });
const cost = target({ indicator: '普惠小微贷款综合融资成本', measure: 'delta', direction: 'down', value: 0.5, unit: '个百分点', cmp: 'eq' });

describe('actual progress from the latest accepted report', () => {
  it('takes the latest accepted report, skipping submitted and returned ones', () => {
    const reports = [
      { date: '2019-04-05', state: 'accepted' as const, percent: 20 },
      { date: '2019-05-05', state: 'accepted' as const, percent: 35 },
      { date: '2019-06-05', state: 'returned' as const, percent: 60 },
      { date: '2019-07-05', state: 'submitted' as const, percent: 70 },
    ];
    expect(latestAccepted(reports)?.percent).toBe(35);
  });
  it('an amount added: 7,500 of 15,000 parking spaces is 50%, compared with the calendar', () => {
    expect(actualProgress(parking, { date: '2019-07-05', state: 'accepted', value: 7500, unit: '个' })).toEqual({ percent: 50, basis: 'amount', withinTarget: false });
  });
  it('applies magnitude words: 0.9万个 is 9,000 spaces, 60%', () => {
    expect(actualProgress(parking, { date: '2019-07-05', state: 'accepted', value: 0.9, unit: '万个' })?.percent).toBeCloseTo(60, 5);
  });
  it('a ceiling: unemployment 3.2% under 3.5%以内 is 100% while within it', () => {
    expect(actualProgress(jobless, { date: '2019-07-05', state: 'accepted', value: 3.2, unit: '%' })).toEqual({ percent: 100, basis: 'state', withinTarget: true });
  });
  it('a ceiling broken: 4% against 3.5%以内 falls to 87.5%', () => {
    const p = actualProgress(jobless, { date: '2019-07-05', state: 'accepted', value: 4, unit: '%' });
    expect(p?.withinTarget).toBe(false);
    expect(p?.percent).toBeCloseTo(87.5, 5);
  });
  it('a growth rate of about 6.8%: 6.7% is within the tolerance, 6.0% is not', () => {
    expect(actualProgress(gdp, { date: '2019-07-15', state: 'accepted', value: 6.7 })?.percent).toBe(100);
    expect(actualProgress(gdp, { date: '2019-07-15', state: 'accepted', value: 6.0 })?.percent).toBeCloseTo(88.2, 1);
  });
  it('a reduction (降低0.5个百分点): the value is the reduction achieved so far', () => {
    expect(actualProgress(cost, { date: '2019-07-05', state: 'accepted', value: 0.3, unit: '个百分点', direction: 'down' })?.percent).toBeCloseTo(60, 5);
    expect(actualProgress(cost, { date: '2019-07-05', state: 'accepted', value: 0.3, unit: '个百分点', direction: 'up' })?.percent).toBe(0);
  });
  it('falls back to the reported percentage when there is no usable figure', () => {
    expect(actualProgress(parking, { date: '2019-07-05', state: 'accepted', percent: 45 })).toEqual({ percent: 45, basis: 'reported' });
    expect(actualProgress(parking, { date: '2019-07-05', state: 'accepted', value: 3, unit: '公里', percent: 45 })?.basis).toBe('reported');
    expect(actualProgress(undefined, { date: '2019-07-05', state: 'accepted', percent: 130 })?.percent).toBe(100);
  });
  it('knows nothing without a report', () => {
    expect(actualProgress(parking, undefined)).toBeUndefined();
  });
});
