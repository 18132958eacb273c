import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/server/exports/download.ts';
import { parsePeriod, periodEnd } from '../../src/server/exports/periods.ts';
import { documentTitle } from '../../src/server/exports/plan-doc.ts';

describe('bulletin periods', () => {
  it('reads a month, a quarter, a half-year and a year, as bulletins print them', () => {
    expect(parsePeriod('2020-06')).toEqual({ code: '2020-06', year: 2020, start: '2020-06-01', end: '2020-06-30', label: '2020年6月' });
    expect(parsePeriod('2020-02')!.end).toBe('2020-02-29');
    expect(parsePeriod('2020Q3')).toMatchObject({ start: '2020-07-01', end: '2020-09-30', label: '2020年第三季度' });
    expect(parsePeriod('2020-H1')).toMatchObject({ code: '2020H1', end: '2020-06-30', label: '2020年上半年' });
    expect(parsePeriod('2020h2')).toMatchObject({ start: '2020-07-01', end: '2020-12-31', label: '2020年下半年' });
    expect(parsePeriod('2020')).toMatchObject({ end: '2020-12-31', label: '2020年' });
  });

  it('refuses what is no period, and dates reports by their period end', () => {
    for (const bad of ['2020-13', '2020H3', 'June', '2020-6', '']) expect(parsePeriod(bad)).toBeUndefined();
    expect(periodEnd('2020-Q2')).toBe('2020-06-30');
    expect(periodEnd('第二季度')).toBeUndefined();
  });
});

describe('file names', () => {
  it('sends an ASCII fallback and the Chinese name in RFC 5987 form', () => {
    expect(contentDisposition({ name: '2020年6月督查通报(第6期).docx', asciiName: 'plan-1-bulletin-2020-06.docx' })).toBe(
      `attachment; filename="plan-1-bulletin-2020-06.docx"; filename*=UTF-8''2020%E5%B9%B46%E6%9C%88%E7%9D%A3%E6%9F%A5%E9%80%9A%E6%8A%A5%28%E7%AC%AC6%E6%9C%9F%29.docx`);
    expect(contentDisposition({ name: 'a', asciiName: 'say "hi" 你.md' })).toMatch(/^attachment; filename="say _hi_ _\.md";/);
  });

  it('titles the notice after the breakdown, not the report', () => {
    expect(documentTitle('2020年政府工作报告')).toBe('2020年政府工作报告目标任务责任分解');
    expect(documentTitle('宁波市2019年政府工作报告目标任务')).toBe('宁波市2019年政府工作报告目标任务责任分解');
    expect(documentTitle('2019年市民生实事项目')).toBe('2019年市民生实事项目');
  });
});
