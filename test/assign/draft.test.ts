import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftBreakdown, draftFromReport, draftTitle } from '../../src/assign/draft.ts';
import { draftMarkdown } from '../../src/assign/draft-markdown.ts';
import { draftIssuer, reportPlace } from '../../src/assign/draft-place.ts';
import { chineseOrdinal } from '../../src/assign/draft-sections.ts';
import { buildModel, suggest } from '../../src/assign/suggest.ts';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';
import { tasksFromReport } from '../../src/extract/tasks/extract.ts';
import type { SourceDocument } from '../../src/text/source.ts';

const seeds = join(import.meta.dirname, '../../../shared/corpus/seeds');
const notice2019 = parseBreakdown({ text: readFileSync(join(seeds, '001_99404d979ec21c9c.txt'), 'utf8') });
const report2020 = readFileSync(join(seeds, '000_7841c49be735524f.txt'), 'utf8');
const source = (name: string, text: string): SourceDocument => ({ name, format: 'txt', encoding: 'utf-8', text });

describe('drafting the 2020 breakdown from the 2020 report and the 2019 notice', () => {
  const history = buildModel([notice2019]);
  const draft = draftFromReport(source('000_7841c49be735524f.txt', report2020), history);
  const rows = draft.rows;

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
    expect(rows[0].qualitative).toContain('与经济增长基本同步');
    expect(rows.find((r) => r.task.startsWith('强化创新引领'))!.leadUnit).toBe('市科技局');
    expect(rows.find((r) => r.task.startsWith('提升生活垃圾前端分类质量'))?.leadUnit).toBe('市综合执法局');
    expect(rows.find((r) => r.task.includes('争创全国文明城市'))?.leadUnit).toMatch(/^市委宣传部/);
  });

  it('lists departments before group placeholders, and never the lead under its second name', () => {
    const groups = new Set(['市级其他有关部门', '各区县(市)政府', '开发园区管委会', '相关区县(市)政府']);
    for (const r of rows) {
      const firstGroup = r.coUnits.findIndex((u) => groups.has(u));
      if (firstGroup >= 0) expect(r.coUnits.slice(firstGroup).every((u) => groups.has(u))).toBe(true);
      const main = (u: string) => u.replace(/\(.*\)$/, '');
      expect(r.coUnits.map(main)).not.toContain(main(r.leadUnit!));
    }
  });

  it('groups the rows under the report\'s numbered headings, targets first', () => {
    expect(draft).toMatchObject({ year: 2020, place: '宁波市' });
    expect(draft.sections[0].title).toBe('一、2020年经济社会发展主要预期目标');
    expect(draft.sections[1]).toMatchObject({ title: '二、坚定不移抓实体经济,培育壮大新动能', source: '(一)坚定不移抓实体经济,培育壮大新动能' });
    expect(draft.sections).toHaveLength(10);
    expect(draft.sections.flatMap((s) => s.rows)).toEqual(rows);
  });

  it('keeps the deadline as written and its last day', () => {
    const dated = rows.filter((r) => r.deadline);
    expect(dated.length).toBeGreaterThan(0);
    for (const r of dated) {
      expect(r.task).toContain(r.deadline!.phrase);
      expect(r.deadline!.due).toMatch(/^20\d\d-\d\d-\d\d$/);
    }
  });

  it('writes Markdown tables that say the assignments are proposals', () => {
    const md = draftMarkdown(draft, draftTitle(draft));
    expect(md.startsWith('# 2020年政府工作报告目标任务责任分解\n')).toBe(true);
    expect(md).toContain('须经人工审定');
    expect(md).toContain('| 序号 | 工作任务 | 牵头领导 | 牵头单位 | 配合单位 | 完成时限 | 指标 |');
    expect(md.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(rows.length);
  });
});

describe('drafting without history', () => {
  it('proposes standard department names from the built-in duties, and no leader', () => {
    const rows = draftBreakdown(tasksFromReport('2021年政府工作报告\n二、2021年主要目标任务\n(一)推进科技创新\n新认定高新技术企业500家以上。新建区域性居家养老服务中心30个。\n', 'x.txt'), buildModel([]));
    expect(rows.map((r) => r.leadUnit)).toEqual(['市科技局', '市民政局']);
    expect(rows.every((r) => r.leaders.length === 0)).toBe(true);
  });
});

describe('what the report says of itself', () => {
  it('reads the government from the title, and proposes its office as issuer', () => {
    expect(reportPlace('当前位置:首页\n2020年浙江省人民政府工作报告\n')).toBe('浙江省');
    expect(reportPlace('宁波市政府工作报告\n——2020年1月')).toBe('宁波市');
    expect(reportPlace('政府工作报告\n国务院总理')).toBeUndefined();
    expect(draftIssuer('宁波市')).toBe('宁波市人民政府办公厅');
    expect(draftIssuer('鄞州区')).toBe('鄞州区人民政府办公室');
    expect(draftIssuer(undefined)).toBeUndefined();
  });

  it('numbers sections as a notice does', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
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
