import { describe, expect, it } from 'vitest';
import { fieldLine, headerField } from '../../src/extract/breakdown/fields.ts';
import { headingLeaders, leaderName } from '../../src/extract/breakdown/leader-titles.ts';
import { chineseNumeral } from '../../src/extract/breakdown/numerals.ts';
import { goalFigures, quotaFromCells } from '../../src/extract/breakdown/quota.ts';
import { nonEmptyLines } from '../../src/extract/breakdown/lines.ts';
import { splitNames } from '../../src/extract/breakdown/split-names.ts';

describe('splitting unit lists', () => {
  it('splits on commas and 、 outside brackets', () => {
    expect(splitNames('市委组织部(市委人才办)、市人力社保局,各区县(市)政府、开发园区管委会')).toEqual(['市委组织部(市委人才办)', '市人力社保局', '各区县(市)政府', '开发园区管委会']);
    expect(splitNames('市综合执法局(市“三改一拆”办),市“三江六岸”办')).toEqual(['市综合执法局(市“三改一拆”办)', '市“三江六岸”办']);
    expect(splitNames('各县（市、区）政府；市财政局。')).toEqual(['各县（市、区）政府', '市财政局']);
  });
});

describe('field names by meaning', () => {
  it('knows a column whatever its wording', () => {
    expect(['序号', '工作任务', '重点任务', '任务内容', '牵头领导', '责任单位', '牵头部门', '配合单位', '完成时限', '时间节点'].map(headerField))
      .toEqual(['no', 'task', 'task', 'task', 'leaders', 'units', 'leadUnits', 'coUnits', 'deadline', 'deadline']);
    expect(headerField('牵头单位\n(部门)')).toBe('leadUnits');
    expect(headerField('地区生产总值增长6.5%左右')).toBeUndefined();
  });

  it('reads label lines, full-width colon or not', () => {
    expect(fieldLine('牵头领导:陈仲朝、陈炳荣')).toEqual({ field: 'leaders', label: '牵头领导', value: '陈仲朝、陈炳荣' });
    expect(fieldLine('配合单位：市司法局')?.field).toBe('coUnits');
    expect(fieldLine('地区生产总值:增长6.8%')).toBeUndefined();
  });
});

describe('leaders and numerals', () => {
  it('reads the leaders a grouped heading names', () => {
    expect(headingLeaders('陈仲朝副市长牵头重点工作')).toEqual(['陈仲朝']);
    expect(headingLeaders('由市长牵头的工作')).toEqual(['市长']);
    expect(headingLeaders('李关定、许亚南副市长共同牵头的工作(共12项)')).toEqual(['李关定', '许亚南']);
    expect(headingLeaders('推动制造业高质量发展,全面打造实体经济新优势')).toBeUndefined();
    expect(leaderName('王明常务副市长')).toBe('王明');
  });

  it('reads heading numerals', () => {
    expect(['一', '十', '十一', '二十三', '七'].map(chineseNumeral)).toEqual([1, 10, 11, 23, 7]);
  });
});

describe('quota tables flattened one cell per line', () => {
  it('keeps every cell when values outnumber headers, and says so', () => {
    const lines = nonEmptyLines('任务\n分解\n东城\n西城\n新建食堂(个)\n5\n3\n/\n');
    const { table, findings } = quotaFromCells(lines, { project: 1 });
    expect(table.rows[0].cells.map((c) => [c.scope, c.raw])).toEqual([['东城', '5'], ['西城', '3'], [null, '/']]);
    expect(findings.map((f) => f.code)).toEqual(['QUOTA_HEADER_MISMATCH']);
  });

  it('finds each counted figure of a goal with its clause', () => {
    expect(goalFigures('完成40家省放心农贸市场创建;培育发展3000家放心消费示范单位(含放心商店、放心网店等),新增10万人的饮用水达标').map((f) => [f.value, f.unit]))
      .toEqual([[40, '家'], [3000, '家'], [10, '万人']]);
  });
});
