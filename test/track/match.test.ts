import { describe, expect, it } from 'vitest';
import { matchCandidates } from '../../src/track/match.ts';
import { indicatorSimilarity, normaliseIndicator } from '../../src/track/similarity.ts';
import { actual, target } from './factories.ts';

describe('indicators are compared without their framing words', () => {
  it('strips place and time words', () => {
    expect(normaliseIndicator('全市地区生产总值')).toBe('地区生产总值');
    expect(normaliseIndicator('全年全社会固定资产投资')).toBe('固定资产投资');
    expect(normaliseIndicator('“跑零次”事项比例')).toBe('跑零次事项比例');
    expect(normaliseIndicator('城镇调查失业率全年')).toBe('城镇调查失业率');
    expect(normaliseIndicator('年末城镇调查失业率')).toBe('城镇调查失业率');
  });
  it('strips the verbs an extractor may leave at the end', () => {
    expect(normaliseIndicator('城镇化率从')).toBe('城镇化率');
    expect(normaliseIndicator('赤字率拟按')).toBe('赤字率');
    expect(normaliseIndicator('粮食产量首次跃')).toBe('粮食产量');
  });
  it('scores alike names high and different ones low', () => {
    expect(indicatorSimilarity('全市地区生产总值', '地区生产总值')).toBe(1);
    expect(indicatorSimilarity('城镇调查失业率', '调查失业率')).toBeGreaterThanOrEqual(0.8);
    expect(indicatorSimilarity('城镇登记失业率', '调查失业率')).toBeLessThan(0.5);
  });
});

describe('matching actuals to a target, for a person to confirm', () => {
  const gdpGrowth = target({ indicator: '国内生产总值', value: 6.5, cmp: 'approx', period: '2018' });
  it('pairs a growth target with the growth actual of the same year, not with the total', () => {
    const actuals = [
      actual({ indicator: '国内生产总值', measure: 'level', value: 90, unit: '万亿元', period: '2018' }),
      actual({ indicator: '国内生产总值', value: 7.1, period: '2013-2017' }),
      actual({ indicator: '国内生产总值', value: 6.6, period: '2018' }),
    ];
    const [best, ...rest] = matchCandidates(gdpGrowth, actuals);
    expect(best.actual.value).toBe(6.6);
    expect(best.confidence).toBe(1);
    expect(best.reason.zh).toBe('指标相似度1；单位可比（%）；同为2018年度');
    expect(rest).toHaveLength(0);
  });
  it('accepts an actual without a period, with less confidence', () => {
    const [m] = matchCandidates(gdpGrowth, [actual({ indicator: '全国国内生产总值', value: 6.6 })]);
    expect(m.confidence).toBeCloseTo(0.85, 5);
    expect(m.reason.en).toMatch(/period not stated/);
  });
  it('applies magnitude words when checking units: 万人 and 人 are comparable, 人 and 亿元 are not', () => {
    const jobs = target({ indicator: '城镇新增就业', measure: 'delta', value: 1100, unit: '万人', cmp: 'ge' });
    expect(matchCandidates(jobs, [actual({ indicator: '城镇新增就业', measure: 'delta', value: 13610000, unit: '人' })])).toHaveLength(1);
    expect(matchCandidates(jobs, [actual({ indicator: '城镇新增就业', measure: 'delta', value: 10, unit: '亿元' })])).toHaveLength(0);
  });
  it('keeps districts and organisations apart', () => {
    const haishu = target({ indicator: '老旧小区改造', measure: 'delta', value: 10, unit: '个', scope: '海曙' });
    expect(matchCandidates(haishu, [actual({ indicator: '老旧小区改造', measure: 'delta', value: 9, unit: '个', scope: '江北区' })])).toHaveLength(0);
    expect(matchCandidates(haishu, [actual({ indicator: '老旧小区改造', measure: 'delta', value: 9, unit: '个', scope: '海曙区' })])).toHaveLength(1);
    const city = { ...target({ indicator: '地区生产总值', value: 6.8 }), org: '宁波市' };
    expect(matchCandidates(city, [{ ...actual({ indicator: '地区生产总值', value: 7 }), org: '鄞州区' }])).toHaveLength(0);
    expect(matchCandidates(city, [{ ...actual({ indicator: '地区生产总值', value: 7 }), org: '宁波' }])).toHaveLength(1);
  });
  it('a derived indicator is not the indicator: 单位国内生产总值能耗 is not 国内生产总值', () => {
    const energy = target({ indicator: '单位国内生产总值能耗', direction: 'down', value: 3, cmp: 'approx', period: '2018' });
    const [m] = matchCandidates(energy, [actual({ indicator: '国内生产总值', value: 6.6, period: '2018' })]);
    expect(m.confidence).toBeLessThan(0.5);
    expect(m.reason.zh).toMatch(/中心词不同/);
  });
  it('a figure of a five-year review may be the year\'s own, for a person to confirm', () => {
    const [m] = matchCandidates(target({ indicator: '国内生产总值', value: 6.5, cmp: 'approx', period: '2017' }), [actual({ indicator: '国内生产总值', value: 6.9, period: '2013-2017' })]);
    expect(m.confidence).toBeCloseTo(0.7, 5);
    expect(matchCandidates(target({ indicator: '国内生产总值', value: 6.5, period: '2018' }), [actual({ indicator: '国内生产总值', value: 6.9, period: '2013-2017' })])).toHaveLength(0);
  });
  it('a city-wide target against a part-area actual is a weak match', () => {
    const [m] = matchCandidates(target({ indicator: '地区生产总值', value: 7, period: '2019' }), [actual({ indicator: '地区生产总值', value: 6.9, period: '2019', scope: '区本级' })]);
    expect(m.confidence).toBeCloseTo(0.5, 5);
  });
});
