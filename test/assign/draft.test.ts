import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftBreakdown } from '../../src/assign/draft.ts';
import { buildModel, suggest } from '../../src/assign/suggest.ts';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';
import { tasksFromReport } from '../../src/extract/tasks/extract.ts';

const seeds = join(import.meta.dirname, '../../../shared/corpus/seeds');
const notice2019 = parseBreakdown({ text: readFileSync(join(seeds, '001_99404d979ec21c9c.txt'), 'utf8') });
const report2020 = readFileSync(join(seeds, '000_7841c49be735524f.txt'), 'utf8');

describe('drafting the 2020 breakdown from the 2020 report and the 2019 notice', () => {
  const rows = draftBreakdown(tasksFromReport(report2020, '000_7841c49be735524f.txt'), buildModel([notice2019]));

  it('gives every task a lead unit, co-units and a leader', () => {
    expect(rows.length).toBeGreaterThan(120);
    for (const r of rows) {
      expect(r.leadUnit).toBeTruthy();
      expect(r.leaders).toHaveLength(1);
      expect(r.coUnits).not.toContain(r.leadUnit);
    }
  });

  it('sends the growth target to the development commission and R&D to the science bureau', () => {
    expect(rows[0]).toMatchObject({ kind: 'target', leadUnit: '市发改委' });
    expect(rows[0].indicators.join()).toContain('6.5%');
    expect(rows.find((r) => r.task.startsWith('强化创新引领'))!.leadUnit).toBe('市科技局');
    expect(rows.find((r) => r.task.startsWith('提升生活垃圾前端分类质量'))?.leadUnit).toBe('市综合执法局');
    expect(rows.find((r) => r.task.includes('争创全国文明城市'))?.leadUnit).toMatch(/^市委宣传部/);
  });
});

/** Another city's notice, with the long official names a Shandong city uses. */
const OTHER_CITY = `聊城市人民政府办公室关于印发2020年重点工作分工方案的通知
聊城市人民政府办公室
2020年3月12日
一、王明市长牵头重点工作
1.实施重大项目300个,完成投资800亿元。
牵头单位:市发展和改革委员会
配合单位:市财政局
2.开工建设棚户区改造安置房5000套。
牵头单位:市住房和城乡建设局
配合单位:市自然资源和规划局
3.新建改扩建中小学幼儿园20所。
牵头单位:市教育和体育局
配合单位:市财政局
`;

describe('suggestions for another city', () => {
  const model = buildModel([parseBreakdown({ text: OTHER_CITY })]);

  it('resolves what a department does to the name this city uses', () => {
    const names = (text: string) => suggest(model, text, 1).units[0]?.name;
    expect(names('完成老旧小区改造120个,加装电梯50部')).toBe('市住房和城乡建设局');
    expect(names('新增义务教育学位1万个')).toBe('市教育和体育局');
    expect(names('固定资产投资增长8%')).toBe('市发展和改革委员会');
    expect(names('城镇新增就业6万人')).toBe('市人力社保局');
  });
});
