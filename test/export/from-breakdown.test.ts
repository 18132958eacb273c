import { describe, expect, it } from 'vitest';
import type { BreakdownNotice } from '../../src/extract/breakdown/index.ts';
import { planFromBreakdown } from '../../src/export/from-breakdown.ts';

const span = { start: 0, end: 0 };

const notice: BreakdownNotice = {
  title: '2019年政府工作报告目标任务责任分解',
  issuer: '宁波市人民政府办公厅',
  layout: 'listed',
  findings: [],
  sections: [{
    title: '一、2019年经济社会发展主要目标', leaders: [], span,
    items: [{
      no: 6, text: '城镇登记失业率3.5%以内。', leaders: ['陈仲朝'], span,
      units: ['市人力社保局', '各区县(市)政府', '开发园区管委会'], coUnits: [],
    }],
  }],
  projects: [{
    no: 5, title: '养老助老服务工程', goal: '新建30个乡镇(街道)区域性居家养老服务中心。', leaders: ['卞吉安'],
    units: ['市民政局'], people: ['周忠贤'], partners: [], span,
    quota: {
      headers: [['镇海', '北仑']], checks: [], span,
      rows: [{ label: '区域性居家养老服务中心', unit: '个', cells: [
        { scope: '镇海', value: 5, raw: '5' }, { scope: '北仑', value: null, raw: '/' }, { scope: null, value: 1, raw: '1' },
      ] }],
    },
  }],
};

describe('a parsed breakdown notice as a plan for the writers', () => {
  const plan = planFromBreakdown(notice, { title: '', year: 2019, issuer: '', date: '2019-03-01', suggested: true });

  it('takes title and issuer from the notice and the date from the defaults when the notice has none', () => {
    expect(plan).toMatchObject({ title: notice.title, issuer: '宁波市人民政府办公厅', date: '2019-03-01', year: 2019 });
  });

  it('splits the units into lead and co-units and keys items by number', () => {
    expect(plan.sections[0].tasks[0]).toMatchObject({
      id: 'item-6', version: 0, no: 6, leadUnit: '市人力社保局', coUnits: ['各区县(市)政府', '开发园区管委会'], suggested: true,
    });
  });

  it('keeps every quota cell, `/` as written and cells past the headers without a district', () => {
    expect(plan.livelihood[0].quotas[0].cells).toEqual([
      { district: '镇海', value: 5 }, { district: '北仑', value: '/' }, { district: '', value: 1 },
    ]);
    expect(plan.livelihood[0].persons).toEqual(['周忠贤']);
  });
});
