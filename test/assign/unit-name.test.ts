import { describe, expect, it } from 'vitest';
import { departmentKindOf, mainName, unitKey, unitKind } from '../../src/assign/unit-name.ts';

describe('unit names', () => {
  it('brings the long, the short and the city-prefixed forms to one key', () => {
    const keys = ['市发改委', '市发展改革委', '宁波市发展和改革委员会'].map((n) => unitKey(n, '宁波'));
    expect(new Set(keys)).toEqual(new Set(['市发改委']));
    expect(unitKey('市人力资源和社会保障局')).toBe(unitKey('市人力社保局'));
    expect(unitKey('市卫生健康委员会')).toBe(unitKey('市卫生健康委'));
    expect(unitKey('市文化广电旅游局')).toBe(unitKey('市文广旅游局'));
    expect(unitKey('市场监督管理局')).toBe(unitKey('市场监管局'));
    expect(unitKey('市综合行政执法局')).toBe(unitKey('市综合执法局'));
  });

  it('keeps apart what only looks alike', () => {
    expect(unitKey('宁波银保监局', '宁波')).toBe('宁波银保监局');
    expect(unitKey('海曙区政府', '宁波')).not.toBe(unitKey('鄞州区政府', '宁波'));
    expect(unitKey('市教育局')).not.toBe(unitKey('市体育局'));
  });

  it('tells the kind of a unit', () => {
    expect(['市发改委', '市委组织部(市委人才办)', '市红十字会', '宁海县政府', '东钱湖管委会', '宁波银保监局', '人行市中心支行', '市级其他有关部门', '各区县(市)政府', '开发园区管委会', '相关区县(市)政府'].map(unitKind))
      .toEqual(['department', 'party', 'mass', 'district', 'zone', 'external', 'external', 'group', 'group', 'group', 'group']);
  });

  it('knows which kind of department a unit is, whatever the city calls it', () => {
    expect(['市发改委', '区发展和改革局', '市经济和信息化局', '市卫生健康委', '市轨道交通工程建设指挥部', '市“五水共治”办', '市委组织部(市委人才办)'].map((n) => departmentKindOf(n)?.id))
      .toEqual(['发改', '发改', '经信', '卫健', '轨道交通', '生态环境', '人才']);
    expect(mainName('市综合执法局(市“三改一拆”办)')).toBe('市综合执法局');
  });
});
