import { describe, expect, it } from 'vitest';
import { alignNotice } from '../../src/assign/align.ts';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';
import { tasksFromReport } from '../../src/extract/tasks/extract.ts';

const REPORT = `2021年政府工作报告
二、2021年主要目标任务
(一)加快建设创新型城市
提升科技创新能力。新认定高新技术企业500家以上,新增科技型中小企业2000家。加快建设甬江实验室,年底前完成一期主体工程。
(二)持续改善民生
办好民生实事。新建区域性居家养老服务中心30个,改造老旧小区200万平方米。
`;

const NOTICE = `2021年政府工作报告目标任务责任分解
一、加快建设创新型城市
1.新认定高新技术企业500家以上。
牵头领导:陈炳荣
责任单位:市科技局
2.改造老旧小区200万平方米。
牵头领导:卞吉安
责任单位:市住建局
3.深化国有企业改革。
牵头领导:刘长春
责任单位:市国资委
`;

describe('aligning a notice with the report of its year', () => {
  it('finds the sentence each item came from, and says so when there is none', () => {
    const tasks = tasksFromReport(REPORT);
    const items = parseBreakdown({ text: NOTICE }).sections.flatMap((s) => s.items);
    const aligned = alignNotice(items, tasks);
    const sentence = (i: number) => {
      const a = aligned[i];
      return a.span ? REPORT.slice(a.span.start, a.span.end) : undefined;
    };
    expect(sentence(0)).toBe('新认定高新技术企业500家以上');
    expect(sentence(1)).toBe('改造老旧小区200万平方米。');
    expect(aligned[2].item).toBe(3);
    expect(aligned[2].task).toBeUndefined();
  });
});
