import { describe, expect, it } from 'vitest';
import type { QuantityRecord } from '../../src/extract/quantity.ts';
import { formatMeasure, formatQuantity } from '../../src/export/quantity-text.ts';
import { joinNames, splitNames } from '../../src/export/unit-list.ts';
import { chineseDate, titleLines } from '../../src/export/official-doc.ts';
import { chineseOrdinal } from '../../src/assign/draft-sections.ts';

function q(fields: Partial<QuantityRecord>): QuantityRecord {
  return {
    doc: 'x', kind: 'target', indicator: '地区生产总值', measure: 'growth', direction: 'up', value: 6.8, unit: '%',
    cmp: 'eq', quote: '', span: { start: 0, end: 0 }, section: [], ...fields,
  };
}

describe('targets written back as text', () => {
  it('writes growth with its comparator', () => {
    expect(formatQuantity(q({ cmp: 'approx' }))).toBe('地区生产总值增长6.8%左右');
  });
  it('writes levels without a verb', () => {
    expect(formatQuantity(q({ indicator: '城镇登记失业率', measure: 'level', value: 3.5, cmp: 'le' }))).toBe('城镇登记失业率3.5%以内');
    expect(formatQuantity(q({ indicator: '研发经费支出占比', measure: 'level', value: 2.8, cmp: 'gt' }))).toBe('研发经费支出占比超过2.8%');
  });
  it('writes falls, ranges and stretch targets', () => {
    expect(formatMeasure(q({ direction: 'down', value: 20 }))).toBe('下降20%');
    expect(formatMeasure(q({ cmp: 'range', value: 6, value_hi: 6.5 }))).toBe('增长6%-6.5%');
    expect(formatMeasure(q({ stretch: true, value: 8 }))).toBe('力争增长8%');
    expect(formatQuantity(q({ indicator: '停车位', measure: 'delta', value: 15000, unit: '个', scope: '海曙' }))).toBe('停车位(海曙)15000个');
  });
});

describe('unit lists', () => {
  it('splits on 、 and commas outside parentheses', () => {
    expect(splitNames('市委组织部(市委人才办)、市人力社保局，各区县(市)政府')).toEqual(['市委组织部(市委人才办)', '市人力社保局', '各区县(市)政府']);
    expect(splitNames('市综合执法局(市生活垃圾分类处理与循环利用领导小组办公室、市城管局),市教育局')).toHaveLength(2);
    expect(splitNames('  ')).toEqual([]);
  });
  it('joins back with 、 so a split of a join is the identity', () => {
    const names = ['市发改委', '各区县(市)政府'];
    expect(splitNames(joinNames(names))).toEqual(names);
  });
});

describe('official numbering and dates', () => {
  it('writes dates with Arabic numerals without leading zeros', () => {
    expect(chineseDate('2019-03-01')).toBe('2019年3月1日');
  });
  it('writes Chinese ordinals', () => {
    expect([1, 10, 12, 20, 37].map(chineseOrdinal)).toEqual(['一', '十', '十二', '二十', '三十七']);
  });
});

describe('title lines', () => {
  it('keeps a short title on one line', () => {
    expect(titleLines('2019年主要预期目标完成情况')).toEqual(['2019年主要预期目标完成情况']);
  });
  it('balances a long title so that no line is left with a character or two', () => {
    const lines = titleLines('宁波市人民政府办公厅关于印发2019年政府工作报告目标任务责任分解和2019年民生实事项目目标任务责任分解的通知');
    expect(lines).toHaveLength(3);
    expect(lines.join('')).toContain('2019年政府工作报告');
    const lengths = lines.map((l) => l.length);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(3);
  });
});
