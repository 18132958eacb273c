import { describe, it, expect } from 'vitest';
import { analyse } from '../../src/pipeline.ts';
import type { QuantityRecord } from '../../src/extract/quantity.ts';

/** Examples taken from national reports, read as a 2018 report would be. */
function report(...lines: string[]): QuantityRecord[] {
  return analyse({ name: '999_test.txt', format: 'txt', encoding: 'utf-8', text: ['2018年3月5日', ...lines].join('\n') }).quantities;
}
const plan = (sentence: string) => report('二、2018年政府工作任务', sentence);
const brief = (r: QuantityRecord) => [r.indicator, r.measure, r.direction, r.value, r.unit, r.cmp];

describe('kind and period from the passage’s own time', () => {
  it('a plan part restating last year’s results reports actuals of last year', () => {
    const [before, target] = report(
      '二、2018年经济社会发展总体要求和政策取向',
      '2017年，我们的各项工作取得了很大成绩。国内生产总值增长6.9%。',
      '今年发展主要预期目标是：国内生产总值增长6.5%左右。',
    );
    expect([before.kind, before.period, before.value]).toEqual(['actual', '2017', 6.9]);
    expect([target.kind, target.period, target.value]).toEqual(['target', '2018', 6.5]);
  });

  it('a review part announcing this year’s plans (今年拟安排…) gives targets', () => {
    const [r] = report('一、2017年工作回顾', '今年拟安排地方政府专项债券1.35万亿元。');
    expect([r.kind, r.period]).toEqual(['target', '2018']);
  });

  it('a five-year review dates a paragraph about the last year to that year', () => {
    const [five, last] = report('一、过去五年工作回顾', '过去五年，国内生产总值年均增长7.1%。', '刚刚过去的2017年，国内生产总值增长6.9%。');
    expect(five.period).toBe('2013-2017');
    expect(last.period).toBe('2017');
  });

  it('targets of a five-year plan (今后五年) carry the plan’s span', () => {
    const [r] = plan('今后五年，城镇新增就业4500万人。');
    expect([r.kind, r.period]).toEqual(['target', '2018-2022']);
  });

  it('a five-year plan under way (“十三五”时期 in 2018) is no past to date figures to', () => {
    const [r] = plan('“十三五”时期中央财政将投入100亿元。');
    expect([r.kind, r.period]).toEqual(['target', '2018']);
  });

  it('an old report without headings: a year in Chinese numerals opens a dated passage', () => {
    const text = '各位代表：\n一九五五年国家决算的收入总数为二百七十二亿元。\n一九五六年国家预算的收入总数为二百九十七亿元。\n';
    const [done, planned] = analyse({ name: '1956.txt', format: 'txt', encoding: 'utf-8', text }).quantities;
    expect([done.kind, done.period, done.value, done.unit]).toEqual(['actual', '1955', 272, '亿元']);
    expect([planned.kind, planned.period]).toEqual(['target', '1956']);
  });
});

describe('indicators without verbs or baselines', () => {
  it('a change from one level to another keeps only the level reached, named without 从 or the verb', () => {
    const rs = plan('服务业比重从45.3%上升到51.6%。');
    expect(rs.map(brief)).toEqual([['服务业比重', 'level', 'up', 51.6, '%', 'eq']]);
  });

  it('上升 is a rise, 由…增至 a change whose start is left out', () => {
    expect(brief(plan('居民消费价格总水平上升0.7%。')[0])).toEqual(['居民消费价格总水平', 'growth', 'up', 0.7, '%', 'eq']);
    expect(plan('可再生能源装机规模由6.5亿千瓦增至12亿千瓦以上。').map(brief)).toEqual([['可再生能源装机规模', 'level', 'up', 12, '亿千瓦', 'ge']]);
  });

  it('the same with figures in Chinese numerals', () => {
    expect(plan('钢产量由二千零四十六万吨增加到三千一百七十八万吨。').map(brief)).toEqual([['钢产量', 'level', 'up', 3178, '万吨', 'eq']]);
  });

  it('a verb that cuts, leading the clause, gives a fall and leaves the indicator', () => {
    expect(brief(plan('今年再压减钢铁产能3000万吨左右。')[0])).toEqual(['钢铁产能', 'delta', 'down', 3000, '万吨', 'approx']);
    expect(brief(plan('压减政府性基金项目30%。')[0])).toEqual(['政府性基金项目', 'growth', 'down', 30, '%', 'eq']);
    expect(brief(plan('退出煤炭产能1.5亿吨以上。')[0])).toEqual(['煤炭产能', 'delta', 'down', 1.5, '亿吨', 'ge']);
  });

  it('a rise held within a ceiling (涨幅控制在) is a growth figure', () => {
    expect(brief(plan('居民消费价格涨幅控制在3.5%左右。')[0])).toEqual(['居民消费价格', 'growth', 'up', 3.5, '%', 'approx']);
  });

  it('a rise held under a ceiling in other words, and a time word after the indicator', () => {
    expect(brief(plan('居民消费价格总水平涨幅不超过3%。')[0])).toEqual(['居民消费价格总水平', 'growth', 'up', 3, '%', 'le']);
    expect(plan('城镇调查失业率全年5.5%以内。')[0].indicator).toBe('城镇调查失业率');
  });

  it('a per-head basis after the verb is not the indicator', () => {
    expect(brief(plan('城乡居民基本医保财政补助标准增加到人均280元。')[0])).toEqual(['城乡居民基本医保财政补助标准', 'level', 'up', 280, '元', 'eq']);
  });

  it('the base of a rate (每50公斤) is neither a record nor part of the indicator', () => {
    const rs = plan('今年小麦最低收购价每50公斤提高5到7元。');
    expect(rs.map((r) => [r.indicator, r.value, r.value_hi, r.unit])).toEqual([['小麦最低收购价', 5, 7, '元']]);
  });

  it('3万多亿元 is one figure of 万亿元', () => {
    expect(brief(plan('共减轻市场主体负担3万多亿元。')[0]).slice(3)).toEqual([3, '万亿元', 'gt']);
  });

  it('a comparison or a price adjustment before the figure leaves it to the subject before', () => {
    expect(plan('拟安排中央财政赤字3000亿元，比上年预算减少198亿元。').map((r) => [r.indicator, r.direction])).toEqual([['中央财政赤字', 'up'], ['中央财政赤字', 'down']]);
    expect(plan('农村居民人均纯收入达到1220元，扣除物价因素比上年增长百分之五。').map((r) => r.indicator)).toEqual(['农村居民人均纯收入', '农村居民人均纯收入']);
  });

  it('a span of years (近三年) is no part of the indicator', () => {
    expect(plan('近三年淘汰落后炼钢炼铁产能9000多万吨。')[0].indicator).toBe('落后炼钢炼铁产能');
  });

  it('高等级公路 is a word, not a list ending in 等', () => {
    expect(plan('新增高等级公路1900公里。')[0].indicator).toBe('高等级公路');
  });

  it('a target restated to explain it is one record', () => {
    const rs = plan('国内生产总值增长8%左右。这里要着重说明，提出国内生产总值增长8%左右，主要是强调好字当头。');
    expect(rs.map((r) => r.indicator)).toEqual(['国内生产总值']);
  });
});

describe('numbers that are not measures', () => {
  it('a count in Chinese numerals naming a set of things', () => {
    expect(plan('全力支持香港、澳门两个特别行政区发展经济。')).toEqual([]);
    expect(plan('要充分发挥中央和地方两个积极性。')).toEqual([]);
    expect(plan('今年重点抓好五件事。')).toEqual([]);
    expect(plan('今年重点抓好三项工作。')).toEqual([]);
    expect(plan('我们反对两个超级大国的霸权主义。')).toEqual([]);
  });

  it('but a count of things done, or reported, stays', () => {
    expect(plan('开工灰库、半山两个物流基地。').map((r) => r.value)).toEqual([2]);
    expect(plan('新建公园三个。').map((r) => r.value)).toEqual([3]);
    expect(plan('两个社区成为全省首批未来社区试点。').map((r) => r.value)).toEqual([2]);
  });

  it('the size of the country’s population, a duration and a year in Chinese numerals', () => {
    expect(plan('在我们这样一个13亿人口的发展中国家，保持经济平稳较快发展。')).toEqual([]);
    expect(plan('已经一年零三个月。')).toEqual([]);
    expect(plan('一九八四年是改革的一年。')).toEqual([]);
    expect(plan('破除城乡二元结构。')).toEqual([]);
  });

  it('compound Chinese numerals count in full', () => {
    expect(plan('化学纤维由十四万六千吨增加到二十八万五千吨。').map((r) => [r.value, r.unit])).toEqual([[285000, '吨']]);
  });
});
