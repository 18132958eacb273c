import { describe, expect, it } from 'vitest';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';

/** Layout "grouped": the items of each leader under a heading naming that leader. */
const GROUPED = `聊城市人民政府办公室关于印发2020年市政府重点工作分工方案的通知

各县(市、区)人民政府,市直有关部门:

现将《2020年市政府重点工作分工方案》印发给你们,请认真贯彻落实。

聊城市人民政府办公室
2020年3月12日

2020年市政府重点工作分工方案

一、王明市长牵头重点工作
1.全市生产总值增长6.5%左右。
牵头单位:市发展改革委
配合单位:市统计局,各县(市、区)政府
2.制定实施优化营商环境三年行动计划。(牵头单位:市行政审批服务局;配合单位:市司法局、市市场监管局;完成时限:2020年6月底前)
二、李强常务副市长牵头重点工作
3.一般公共预算收入增长5%。
牵头单位:市财政局、市税务局
配合单位:各县(市、区)政府
5.完成棚户区改造8000套。
牵头单位:市住房城乡建设局
配合单位:市自然资源和规划局
`;

describe('layout "grouped": items under their leader', () => {
  const notice = parseBreakdown({ text: GROUPED });

  it('takes each item\'s leader from its heading', () => {
    expect(notice.layout).toBe('grouped');
    expect(notice.title).toBe('2020年市政府重点工作分工方案');
    expect(notice.issuer).toBe('聊城市人民政府办公室');
    expect(notice.date).toBe('2020-03-12');
    expect(notice.sections.map((s) => s.leaders)).toEqual([['王明'], ['李强']]);
    expect(notice.sections[1].items[0].leaders).toEqual(['李强']);
  });

  it('puts the lead units first and the co-units after them', () => {
    const [first, second] = notice.sections[0].items;
    expect(first.units).toEqual(['市发展改革委', '市统计局', '各县(市、区)政府']);
    expect(first.leadUnit).toBe('市发展改革委');
    expect(first.coUnits).toEqual(['市统计局', '各县(市、区)政府']);
    expect(second.text).toBe('制定实施优化营商环境三年行动计划。');
    expect(second.units).toEqual(['市行政审批服务局', '市司法局', '市市场监管局']);
    expect(second.deadline).toBe('2020年6月底前');
  });

  it('flags the number that is skipped', () => {
    const gaps = notice.findings.filter((f) => f.code === 'NUMBERING_GAP');
    expect(gaps.map((f) => f.location?.missing)).toEqual(['4']);
  });
});

/** Layout "table": a Word or Excel table, columns known by what they mean. */
const TABLE_ROWS = [
  ['2024年政府工作报告重点任务分解表'],
  ['序号', '重点任务', '责任领导', '牵头部门', '协办单位', '时间节点', '备注'],
  ['一、持续扩大有效需求', '一、持续扩大有效需求', '一、持续扩大有效需求', '一、持续扩大有效需求', '一、持续扩大有效需求', '一、持续扩大有效需求', '一、持续扩大有效需求'],
  ['1', '实施重大项目120个以上,完成投资280亿元。', '张伟', '旗发改委', '旗财政局、旗自然资源局', '2024年12月底前', ''],
  ['2', '社会消费品零售总额增长6%。', '', '旗商务局', '', '2024年12月底前', ''],
  ['二、深化改革开放', '', '', '', '', '', ''],
  ['3', '深化国资国企改革,完成国有企业整合重组。', '刘芳', '', '旗财政局(旗国资办)', '2024年9月底前', ''],
  ['3', '推进口岸提档升级,过货量增长10%。', '刘芳', '口岸管委会', '二连海关、边检站', '', ''],
];

describe('layout "table": columns recognised by meaning', () => {
  const notice = parseBreakdown({ text: '', tables: [TABLE_ROWS] });

  it('reads sections and items whatever the columns are called', () => {
    expect(notice.layout).toBe('table');
    expect(notice.sections.map((s) => s.title)).toEqual(['一、持续扩大有效需求', '二、深化改革开放']);
    const item = notice.sections[0].items[0];
    expect(item).toMatchObject({ no: 1, text: '实施重大项目120个以上,完成投资280亿元。', leaders: ['张伟'], leadUnit: '旗发改委', coUnits: ['旗财政局', '旗自然资源局'], deadline: '2024年12月底前' });
  });

  it('carries a merged leader cell down and keeps a bracketed alias inside its unit', () => {
    expect(notice.sections[0].items[1].leaders).toEqual(['张伟']);
    expect(notice.sections[1].items[0].units).toEqual(['旗财政局(旗国资办)']);
  });

  it('makes no co-unit lead where the lead unit is left blank, and says so', () => {
    const item = notice.sections[1].items[0];
    expect(item.leadUnit).toBeUndefined();
    expect(item.coUnits).toEqual(['旗财政局(旗国资办)']);
    expect(notice.findings.map((f) => [f.code, f.location?.item])).toEqual([['DUPLICATE_NUMBER', 3], ['ITEM_WITHOUT_LEAD_UNIT', 3]]);
  });

  it('reads the same table from tab-separated text', () => {
    const text = TABLE_ROWS.map((r) => r.join('\t')).join('\n');
    const fromText = parseBreakdown({ text });
    expect(fromText.sections.flatMap((s) => s.items).map((i) => i.text)).toEqual(notice.sections.flatMap((s) => s.items).map((i) => i.text));
    const item = fromText.sections[0].items[0];
    expect(text.slice(item.span.start, item.span.end)).toBe(item.text);
  });
});

describe('quota table that survived as a table', () => {
  const text = `2024年民生实事项目责任分解

一、老年助餐服务
目标任务:新建老年食堂50个。
牵头领导:赵敏
责任单位:市民政局,各区政府
责任人:孙立,各区区长
任务分解\t东城\t西城\t南湖
老年食堂(个)\t20\t15\t14
`;
  const notice = parseBreakdown({ text });

  it('reads the rows and flags the sum that falls short of the goal', () => {
    const project = notice.projects[0];
    expect(project.quota!.rows[0]).toMatchObject({ label: '老年食堂', unit: '个' });
    expect(project.quota!.rows[0].cells.map((c) => [c.scope, c.value])).toEqual([['东城', 20], ['西城', 15], ['南湖', 14]]);
    expect(project.quota!.checks).toEqual([{ row: '老年食堂', goal: 50, sum: 49, ok: false, goalQuote: '50个' }]);
    expect(notice.findings.map((f) => f.code)).toEqual(['QUOTA_SUM_MISMATCH']);
  });
});

describe('an item with co-units only', () => {
  it('is flagged rather than given a lead unit', () => {
    const notice = parseBreakdown({ text: '一、王明市长牵头重点工作\n1.完成政府债务化解任务。\n配合单位:市财政局、市国资委\n' });
    const [item] = notice.sections[0].items;
    expect(item.leadUnit).toBeUndefined();
    expect(item.coUnits).toEqual(['市财政局', '市国资委']);
    expect(notice.findings.map((f) => f.code)).toEqual(['ITEM_WITHOUT_LEAD_UNIT']);
  });
});

describe('a two-storey table header', () => {
  it('reads 牵头单位 and 配合单位 under a merged 责任单位', () => {
    const rows = [
      ['序号', '工作任务', '牵头领导', '责任单位', '责任单位', '完成时限'],
      ['', '', '', '牵头单位', '配合单位', ''],
      ['1', '新增城镇就业5万人。', '李强', '区人力社保局', '区财政局、各街道', '12月底前'],
    ];
    const [item] = parseBreakdown({ text: '', tables: [rows] }).sections[0].items;
    expect(item).toMatchObject({ leadUnit: '区人力社保局', coUnits: ['区财政局', '各街道'], leaders: ['李强'], deadline: '12月底前' });
  });
});
