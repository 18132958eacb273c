import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalise } from '../../src/text/normalise.ts';
import { buildOutline, partAt, sectionAt } from '../../src/outline/outline.ts';

const national = (year: string) => readFileSync(fileURLToPath(new URL(`../../../shared/corpus/national/${year}.txt`, import.meta.url)), 'utf8');

describe('outline', () => {
  const report = [
    '2024年1月11日在区第十届人民代表大会第三次会议上',
    '各位代表:',
    '2023年工作回顾',
    '一、经济运行回稳向实',
    '全区实现地区生产总值2730亿元。',
    '2024年工作安排',
    '(一)积极培育新质生产力,推动产业实力再攀升',
    '1.新增停车位2000个。',
    '名 词 解 释',
    '1.“22X”。数字经济产业新体系。',
  ].join('\n');
  const text = normalise(report).text;
  const outline = buildOutline(text);

  it('finds the document year from the date line', () => {
    expect(outline.year).toBe(2024);
  });

  it('classifies the review, the plan and the glossary, each with its period', () => {
    const kinds = outline.parts.filter((p) => p.kind !== 'other').map((p) => [p.kind, p.period]);
    expect(kinds).toEqual([['review', '2023'], ['plan', '2024'], ['glossary', undefined]]);
    expect(partAt(outline, text.indexOf('2730')).kind).toBe('review');
    expect(partAt(outline, text.indexOf('2000个')).kind).toBe('plan');
  });

  it('gives the heading path of a position', () => {
    expect(sectionAt(outline, text.indexOf('2000个'))).toEqual([
      '2024年工作安排', '(一)积极培育新质生产力,推动产业实力再攀升', '1.新增停车位2000个',
    ]);
  });

  it('tells a review from a plan by the year a heading names', () => {
    const o = buildOutline(normalise('2020年5月8日\n2019年主要工作\n新建绿道10公里。\n2020年工作\n新建绿道20公里。').text);
    expect(o.parts.filter((p) => p.kind !== 'other').map((p) => [p.kind, p.period])).toEqual([['review', '2019'], ['plan', '2020']]);
  });

  it('reads a half-year report written on one line', () => {
    const half = buildOutline(normalise('余姚市人民政府 (2020年8月) 各位代表: 现向你们报告。 一、上半年工作回顾 上半年,实现地区生产总值551.2亿元。 二、下半年重点工作安排 新建停车位1000个。').text);
    expect(half.parts.filter((p) => p.kind !== 'other').map((p) => [p.kind, p.period])).toEqual([['review', '2020H1'], ['plan', '2020']]);
  });

  it('dates a national report by its review heading, traditional script included', () => {
    const o = buildOutline(normalise(national('2019')).text);
    expect(o.year).toBe(2019);
    expect(o.parts.find((p) => p.kind === 'review')?.period).toBe('2018');
    expect(buildOutline(normalise(national('1955')).text, '1955.txt').year).toBe(1955);
  });
});
