import { describe, expect, it } from 'vitest';
import { addAlias, addUnit, cityOfIssuer, createDirectory, learnFromNotice, resolveUnit, unitsOfDepartment } from '../../src/assign/directory.ts';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';

const NOTICE = `宁波市人民政府办公厅关于印发重点工作责任分解的通知
宁波市人民政府办公厅
2019年3月1日
一、扩大投资
1.固定资产投资增长10%左右。
牵头领导:陈仲朝
责任单位:市发改委,各区县(市)政府、开发园区管委会
2.推进人才引进。
牵头领导:陈炳荣
责任单位:市委组织部(市委人才办)、市人力社保局,市级其他有关部门
3.制造业贷款增长10%以上。
牵头领导:刘长春
责任单位:市金融办,宁波银保监局、市发展改革委
`;

describe('the unit directory', () => {
  const directory = learnFromNotice(createDirectory(), parseBreakdown({ text: NOTICE }));

  it('learns the units of a notice, its city and level, counting leads', () => {
    expect(directory.city).toBe('宁波');
    expect(directory.level).toBe('市');
    const fgw = resolveUnit(directory, '宁波市发展和改革委员会')!;
    expect(fgw).toMatchObject({ name: '市发改委', kind: 'department', department: '发改', seen: 2, led: 1 });
    expect(fgw.aliases).toContain('市发展改革委');
    expect(resolveUnit(directory, '市委组织部(市委人才办)')!.aliases).toEqual(['市委人才办']);
    expect(resolveUnit(directory, '各区县(市)政府')!.kind).toBe('group');
    expect(resolveUnit(directory, '宁波银保监局')!.kind).toBe('external');
    expect(cityOfIssuer('聊城市人民政府办公室')).toBe('聊城');
  });

  it('is plain data that survives JSON and can be edited without changing the original', () => {
    expect(JSON.parse(JSON.stringify(directory))).toEqual(directory);
    const edited = addAlias(directory, '市金融办', '市地方金融监管局');
    expect(resolveUnit(edited, '市地方金融监管局')?.name).toBe('市金融办');
    expect(resolveUnit(directory, '市地方金融监管局')).toBeDefined(); // same key by the rewrite rules
    const added = addUnit(directory, '市统计局');
    expect(unitsOfDepartment(added, '统计').map((u) => u.name)).toEqual(['市统计局']);
    expect(unitsOfDepartment(directory, '统计')).toEqual([]);
  });
});
