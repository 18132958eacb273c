import { describe, expect, it } from 'vitest';
import { judgeTarget } from '../../src/track/judge.ts';
import { DEFAULT_TOLERANCES } from '../../src/track/standing.ts';
import { actual, target } from './factories.ts';

const gdp = target({ indicator: '地区生产总值', value: 6.8, cmp: 'approx', quote: '地区生产总值增长6.8%左右' });
const jobless = target({ indicator: '城镇登记失业率', measure: 'level', value: 3.5, cmp: 'le', quote: '城镇登记失业率控制在3.5%以内' });
const rnd = target({ indicator: '研发经费支出占比', measure: 'level', value: 2.8, cmp: 'gt', quote: '研发经费支出占比超过2.8%' });

describe('judging a target against its actual', () => {
  it('失业率 3.2% against 3.5%以内 is met', () => {
    const j = judgeTarget(jobless, actual({ indicator: '城镇登记失业率', measure: 'level', value: 3.2 }));
    expect(j.verdict).toBe('met');
    expect(j.reason.zh).toBe('实际3.2%，未超过目标3.5%以内');
  });
  it('失业率 3.6% against 3.5%以内 is missed', () => {
    expect(judgeTarget(jobless, actual({ indicator: '城镇登记失业率', measure: 'level', value: 3.6 })).verdict).toBe('missed');
  });
  it('GDP 6.8% against 6.8%左右 is met; 6.7% too, within ±0.2 points', () => {
    expect(judgeTarget(gdp, actual({ indicator: '地区生产总值', value: 6.8 })).verdict).toBe('met');
    const j = judgeTarget(gdp, actual({ indicator: '地区生产总值', value: 6.7 }));
    expect(j.verdict).toBe('met');
    expect(j.reason.en).toBe('actual 6.7% is within ±0.2 points of the target 增长6.8%左右');
  });
  it('GDP 6.5% against 6.8%左右 is missed: 0.3 points short', () => {
    const j = judgeTarget(gdp, actual({ indicator: '地区生产总值', value: 6.5 }));
    expect(j.verdict).toBe('missed');
    expect(j.reason.zh).toBe('实际6.5%，低于目标增长6.8%左右超过±0.2个百分点');
  });
  it('the tolerance is the organisation\'s to set: with ±0.5 points 6.5% is met', () => {
    expect(judgeTarget(gdp, actual({ indicator: '地区生产总值', value: 6.5 }), { ...DEFAULT_TOLERANCES, ratePoints: 0.5 }).verdict).toBe('met');
  });
  it('beating an "about" target where more is better is met, unless read literally', () => {
    expect(judgeTarget(gdp, actual({ indicator: '地区生产总值', value: 7.5 })).verdict).toBe('met');
    expect(judgeTarget(gdp, actual({ indicator: '地区生产总值', value: 7.5 }), { ...DEFAULT_TOLERANCES, approxOvershoot: 'missed' }).verdict).toBe('missed');
  });
  it('R&D 接近2.8% against 超过2.8% is missed; 超过2.8% against 超过2.8% is met', () => {
    expect(judgeTarget(rnd, actual({ indicator: '研发经费支出占比', measure: 'level', value: 2.8, quote: '研发经费支出占比接近2.8%' })).verdict).toBe('missed');
    expect(judgeTarget(rnd, actual({ indicator: '研发经费支出占比', measure: 'level', value: 2.8, cmp: 'gt', quote: '研发经费支出占比超过2.8%' })).verdict).toBe('met');
  });
  it('R&D 接近2.8% against 2.8%左右 is met (within the tolerance)', () => {
    const about = { ...rnd, cmp: 'approx' as const };
    expect(judgeTarget(about, actual({ indicator: '研发经费支出占比', measure: 'level', value: 2.8, quote: '接近2.8%' })).verdict).toBe('met');
  });
  it('prices 2.1% against 3%左右 are met: for prices "about" is a ceiling', () => {
    const cpi = target({ indicator: '居民消费价格', value: 3, cmp: 'approx', quote: '居民消费价格涨幅3%左右' });
    expect(judgeTarget(cpi, actual({ indicator: '居民消费价格', value: 2.1 })).verdict).toBe('met');
    expect(judgeTarget(cpi, actual({ indicator: '居民消费价格', value: 3.3 })).verdict).toBe('missed');
  });
  it('the level of a less-is-better indicator is a ceiling even when stated as a fall: 赤字率下降到2%左右, 1.5% is met', () => {
    const deficit = target({ indicator: '赤字率', measure: 'level', direction: 'down', value: 2, cmp: 'approx' });
    expect(judgeTarget(deficit, actual({ indicator: '赤字率', measure: 'level', direction: 'down', value: 1.5 })).verdict).toBe('met');
    expect(judgeTarget(deficit, actual({ indicator: '赤字率', measure: 'level', value: 2.3 })).verdict).toBe('missed');
  });
  it('a range is met at its low end: 6.0% against 6%－6.5% is met, 5.9% is not', () => {
    const range = target({ indicator: '国内生产总值', value: 6, value_hi: 6.5, cmp: 'range' });
    expect(judgeTarget(range, actual({ indicator: '国内生产总值', value: 6 })).verdict).toBe('met');
    expect(judgeTarget(range, actual({ indicator: '国内生产总值', value: 5.9 })).verdict).toBe('missed');
  });
  it('a reduction: 能耗下降3.1% against 下降3%左右 is met; a rise of 0.5% is missed', () => {
    const energy = target({ indicator: '单位国内生产总值能耗', direction: 'down', value: 3, cmp: 'approx' });
    expect(judgeTarget(energy, actual({ indicator: '单位国内生产总值能耗', direction: 'down', value: 3.1 })).verdict).toBe('met');
    expect(judgeTarget(energy, actual({ indicator: '单位国内生产总值能耗', direction: 'up', value: 0.5 })).verdict).toBe('missed');
  });
  it('amounts with magnitude words: 1361万人 against 1100万人以上 is met; 1.2万亿元 equals 12000亿元', () => {
    const jobs = target({ indicator: '城镇新增就业', measure: 'delta', value: 1100, unit: '万人', cmp: 'ge' });
    expect(judgeTarget(jobs, actual({ indicator: '城镇新增就业', measure: 'delta', value: 1361, unit: '万人' })).verdict).toBe('met');
    const revenue = target({ indicator: '营业收入', measure: 'level', value: 12000, unit: '亿元', cmp: 'ge' });
    expect(judgeTarget(revenue, actual({ indicator: '营业收入', measure: 'level', value: 1.2, unit: '万亿元' })).verdict).toBe('met');
  });
  it('an amount reached to 80% or more but short is partly met; a rate never is', () => {
    const parking = target({ indicator: '停车位', measure: 'delta', value: 15000, unit: '个', cmp: 'eq' });
    const j = judgeTarget(parking, actual({ indicator: '停车位', measure: 'delta', value: 13500, unit: '个' }));
    expect(j.verdict).toBe('partly_met');
    expect(j.reason.zh).toBe('实际13500个，未达到目标15000个（完成90%）');
    expect(judgeTarget(parking, actual({ indicator: '停车位', measure: 'delta', value: 9000, unit: '个' })).verdict).toBe('missed');
  });
  it('a stretch figure is judged on its own: 力争8% missed while 7%以上 is met', () => {
    const firm = target({ indicator: '固定资产投资', value: 7, cmp: 'ge' });
    const stretch = target({ indicator: '固定资产投资', value: 8, cmp: 'eq', stretch: true });
    const result = actual({ indicator: '固定资产投资', value: 7.4 });
    expect(judgeTarget(firm, result)).toMatchObject({ verdict: 'met', stretch: false });
    expect(judgeTarget(stretch, result)).toMatchObject({ verdict: 'missed', stretch: true });
  });
  it('with a number or not: words alone are judged too', () => {
    const houses = target({ indicator: '老旧小区改造', measure: 'delta', value: 100, unit: '万平方米', cmp: 'eq' });
    expect(judgeTarget(houses, { text: '超额完成年度改造任务' })).toMatchObject({ verdict: 'met', basis: 'words' });
    expect(judgeTarget(houses, { text: '基本完成' }).verdict).toBe('partly_met');
    expect(judgeTarget(houses, { text: '因疫情影响未完成' }).verdict).toBe('missed');
    expect(judgeTarget(houses, { text: '正在推进' }).verdict).toBe('no_data');
  });
  it('words saying it was not achieved outweigh a number that only restates the target', () => {
    const energy = target({ indicator: '单位国内生产总值能耗', direction: 'down', value: 4, cmp: 'approx' });
    const restated = actual({ indicator: '单位国内生产总值能耗', direction: 'down', value: 4, cmp: 'approx', quote: '全国没有实现年初确定的单位国内生产总值能耗降低4%左右' });
    expect(judgeTarget(energy, restated)).toMatchObject({ verdict: 'missed', basis: 'words' });
  });
  it('no actual, or one in a unit that cannot be compared, is no data', () => {
    expect(judgeTarget(gdp, undefined)).toMatchObject({ verdict: 'no_data', basis: 'none' });
    expect(judgeTarget({ ...gdp, value: Number.NaN }, actual({ indicator: '地区生产总值', value: 6.8 })).reason.code).toBe('NO_TARGET_FIGURE');
    expect(judgeTarget(gdp, actual({ indicator: '地区生产总值', measure: 'level', value: 2211, unit: '亿元' })).reason.code).toBe('UNIT_MISMATCH');
  });
});
