import { describe, it, expect } from 'vitest';
import { normalise } from '../../src/text/normalise.ts';
import { buildOutline, partAt } from '../../src/outline/outline.ts';
import { frameAt } from '../../src/outline/frames.ts';
import { foldChineseYears } from '../../src/outline/years.ts';

const outlineOf = (lines: string[]) => {
  const text = normalise(lines.join('\n')).text;
  return { text, outline: buildOutline(text) };
};

describe('time frames: what a passage says about its own time', () => {
  const { text, outline } = outlineOf([
    '2018年3月5日',
    '一、过去五年工作回顾',
    '过去五年，国内生产总值年均增长7.1%。',
    '刚刚过去的2017年，经济社会发展主要目标任务全面完成。国内生产总值增长6.9%。',
    '二、2018年经济社会发展总体要求和政策取向',
    '2017年，我们的各项工作取得了很大成绩。国内生产总值增长6.9%，比上年加快0.2个百分点。',
    '今年发展主要预期目标是：国内生产总值增长6.5%左右。',
  ]);
  const at = (s: string, from = 0) => frameAt(outline.frames, text.indexOf(s, from));

  it('a five-year review that turns to the last year dates that paragraph to it', () => {
    expect(at('7.1%')).toMatchObject({ kind: 'review', period: '2013-2017' });
    expect(at('6.9%')).toMatchObject({ kind: 'review', period: '2017' });
  });

  it('a plan part restating last year, then this year’s targets', () => {
    const restated = text.indexOf('6.9%', text.indexOf('2017年，我们'));
    expect(frameAt(outline.frames, restated)).toMatchObject({ kind: 'review', period: '2017' });
    expect(at('6.5%')).toMatchObject({ kind: 'plan', period: '2018' });
  });

  it('a comparison (比上年, 比去年) is no frame of its own', () => {
    expect(at('0.2个百分点')).toMatchObject({ period: '2017' });
  });

  it('a frame ends with its paragraph', () => {
    expect(at('二、2018年')).toBeUndefined();
  });
});

describe('old reports', () => {
  it('years in Chinese numerals read as years, one digit per numeral', () => {
    expect(foldChineseYears('一九五五年国家决算和一九五六年国家预算')).toBe('1955年国家决算和1956年国家预算');
    expect(foldChineseYears('一九八○年')).toBe('1980年');
    expect(foldChineseYears('三年来')).toBe('三年来');
  });

  it('a report whose numbered review is followed by numbered tasks has a plan part', () => {
    const { text, outline } = outlineOf([
      '1995年3月5日',
      '一、1994年国内工作的回顾',
      '国内生产总值增长11.8%。',
      '二、促进国民经济持续、快速、健康发展',
      '今年国内生产总值计划增长8%至9%。',
    ]);
    expect(partAt(outline, text.indexOf('11.8%'))).toMatchObject({ kind: 'review', period: '1994' });
    expect(partAt(outline, text.indexOf('8%至9%'))).toMatchObject({ kind: 'plan', period: '1995' });
  });

  it('a plan heading for a five-year plan gives its span', () => {
    const { text, outline } = outlineOf(['2011年3月5日', '二、“十二五”时期的主要目标和任务', '城镇化率提高到51.5%。']);
    expect(partAt(outline, text.indexOf('51.5%')).period).toBe('2011-2015');
  });

  it('a paragraph that opens the year (2002年是…) starts the plan where no heading does', () => {
    const { text, outline } = outlineOf([
      '2002年3月5日',
      '首先报告2001年的工作',
      '国内生产总值增长7.3%。',
      '2002年是我们党和国家发展史上非常重要的一年。',
      '一、扩大和培育内需，促进经济较快增长',
      '今年拟发行长期建设国债1500亿元。',
    ]);
    expect(partAt(outline, text.indexOf('7.3%'))).toMatchObject({ kind: 'review', period: '2001' });
    expect(partAt(outline, text.indexOf('1500亿元'))).toMatchObject({ kind: 'plan', period: '2002' });
  });

  it('a part that reviews one five-year plan and then sets the next one’s goals', () => {
    const { text, outline } = outlineOf([
      '2021年3月5日',
      '二、“十三五”时期发展成就和“十四五”时期主要目标任务',
      '国内生产总值增加到超过100万亿元。',
      '“十四五”时期是开启全面建设社会主义现代化国家新征程的第一个五年。',
      '常住人口城镇化率提高到65%。',
      '今年是我国现代化建设进程中具有特殊重要性的一年。',
      '国内生产总值增长6%以上。',
    ]);
    expect(partAt(outline, text.indexOf('100万亿元'))).toMatchObject({ kind: 'review', period: '2016-2020' });
    expect(partAt(outline, text.indexOf('65%'))).toMatchObject({ kind: 'plan', period: '2021-2025' });
    expect(partAt(outline, text.indexOf('6%以上'))).toMatchObject({ kind: 'plan', period: '2021' });
  });
});

