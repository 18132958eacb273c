import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dutyMatches } from '../../src/assign/duties.ts';
import { buildModel, suggest } from '../../src/assign/suggest.ts';
import { leaveOneSectionOut } from '../../src/assign/evaluate.ts';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';

const seed = readFileSync(join(import.meta.dirname, '../../../shared/corpus/seeds/001_99404d979ec21c9c.txt'), 'utf8');
const notice = parseBreakdown({ text: seed });

describe('what departments do', () => {
  it('points task words to department kinds', () => {
    expect(dutyMatches('新认定高新技术企业600家,建设省级重点实验室')[0].kind.id).toBe('科技');
    expect(dutyMatches('新建区域性居家养老服务中心30个')[0].kind.id).toBe('民政');
    expect(dutyMatches('完成高标准农田建设5万亩')[0].kind.id).toBe('农业农村');
    expect(dutyMatches('今天天气很好')).toEqual([]);
  });
});

describe('suggestions from a past notice', () => {
  const model = buildModel([notice]);

  it('ranks lead units, co-units and leaders, each with a score and a reason', () => {
    const s = suggest(model, '新增城镇就业岗位10万个,开展职业技能培训5万人次', 3);
    expect(s.units[0].name).toBe('市人力社保局');
    expect(s.units).toHaveLength(3);
    for (const list of [s.units, s.coUnits, s.leaders]) {
      for (const x of list) {
        expect(x.score).toBeGreaterThan(0);
        expect(x.reason.length).toBeGreaterThan(0);
      }
      expect(list.map((x) => x.score)).toEqual([...list.map((x) => x.score)].sort((a, b) => b - a));
    }
    expect(s.units[0].reason).toMatch(/人力社保: .*就业/);
    expect(s.leaders[0].name).toBe('陈仲朝');
  });

  it('never proposes a group placeholder as lead unit', () => {
    for (const item of notice.sections[0].items) {
      const names = suggest(model, item.text, 5).units.map((u) => u.name);
      expect(names).not.toContain('市级其他有关部门');
      expect(names).not.toContain('各区县(市)政府');
    }
  });

  it('names a kind the history lacks by its standard name', () => {
    const s = suggest(model, '开展第四次全国经济普查,提高统计数据质量', 3);
    expect(s.units[0]).toMatchObject({ name: '市统计局' });
    expect(s.units[0].reason).toContain('standard name');
  });
});

describe('leave-one-section-out on seed 001', () => {
  it('finds the lead unit of held-out policy areas from the knowledge of duties', () => {
    const result = leaveOneSectionOut(notice);
    console.log(`leave-one-section-out on seed 001: ${result.items} items, top-1 ${result.top1.toFixed(3)}, top-3 ${result.top3.toFixed(3)}`);
    expect(result.items).toBe(187);
    expect(result.sections).toHaveLength(11);
    expect(result.top1).toBeGreaterThanOrEqual(0.69);
    expect(result.top3).toBeGreaterThanOrEqual(0.81);
  });
});
