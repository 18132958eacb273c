import { describe, it, expect } from 'vitest';
import { normalise } from '../../src/text/normalise.ts';
import { originalSpan } from '../../src/text/offset-map.ts';

/** The original text under a span of the normalised text. */
function back(original: string, found: string): string {
  const n = normalise(original);
  const at = n.text.indexOf(found);
  expect(at).toBeGreaterThanOrEqual(0);
  const span = originalSpan(n, at, at + found.length);
  return original.slice(span.start, span.end);
}

describe('normalise', () => {
  it('turns traditional characters into simplified ones, offsets intact', () => {
    const original = '這個區要實現地區生產總值增長6%。經濟發展,國際合作,進出口,開放創新。';
    const n = normalise(original);
    expect(n.text).toContain('这个区要实现地区生产总值增长6%');
    expect(back(original, '地区生产总值增长6%')).toBe('地區生產總值增長6%');
  });

  it('folds full-width digits, letters and signs but keeps Chinese clause punctuation', () => {
    const n = normalise('失业率３．５％以内，ＧＤＰ增长６％－６．５％。');
    expect(n.text).toBe('失业率3.5%以内，GDP增长6%-6.5%。');
  });

  it('drops breadcrumbs, font-size controls, metadata rows and editor footers', () => {
    const original = [
      '您当前的位置 : 中国宁波网  >  新闻中心  >  宁波',
      '发布日期: 2020- 08- 27 | 浏览次数: | 字体:[ 大 中 小 ]',
      '索引号 | 002972698/2020-45024',
      '新增停车位15000个。',
      '纠错:171964650@qq.com 编辑: 陈某',
    ].join('\n');
    const n = normalise(original);
    expect(n.text.trim()).toBe('新增停车位15000个。');
    expect(n.dropped.map((d) => d.reason)).toEqual(['breadcrumb', 'controls', 'metadata', 'editor']);
  });

  it('drops a first line of comma-separated keyword spam', () => {
    const n = normalise('甲乙丙丁第一页,戊己庚辛无码视频,子丑寅卯在线观看,辰巳午未一区二区,申酉戌亥精品\n2024年政府工作报告\n');
    expect(n.text.trim()).toBe('2024年政府工作报告');
    expect(n.dropped[0].reason).toBe('spam');
  });

  it('keeps a page printed twice once, but keeps single repeated lines', () => {
    const block = ['今年是全面建成小康社会目标实现之年,意义深远。', '地区生产总值增长6.5%左右,城镇登记失业率控制在3.5%以内。', '新增停车位15000个,建成地下综合管廊14.7公里。'];
    const original = ['1.建成绿道。', '牵头领导:张三', '2.建成公园。', '牵头领导:张三', ...block, ...block].join('\n');
    const n = normalise(original);
    expect(n.text.match(/新增停车位/g)).toHaveLength(1);
    expect(n.text.match(/牵头领导:张三/g)).toHaveLength(2);
  });

  it('removes footnote marks that point at the glossary, not counts after a quote', () => {
    const original = [
      '聚焦打造“415X”2产业集群,落户全省首家融资租赁SPV公司1,新建“四好农村路”2条。',
      '名词解释',
      '1.融资租赁SPV公司。SPV为特殊目的载体。',
      '2.“415X”。先进制造业集群。',
    ].join('\n');
    const n = normalise(original);
    expect(n.text).toContain('打造“415X”产业集群');
    expect(n.text).toContain('SPV公司,');
    expect(n.text).toContain('“四好农村路”2条');
    expect(back(original, 'SPV公司,新建')).toBe('SPV公司1,新建');
  });
});
