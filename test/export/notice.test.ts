import { describe, expect, it } from 'vitest';
import { writeBreakdownNotice, noticeTitle } from '../../src/export/notice.ts';
import { mm } from '../../src/export/official-doc.ts';
import { docxParts, docxText } from './docx-xml.ts';
import { samplePlan } from './fixtures.ts';

describe('the breakdown notice', async () => {
  const plan = samplePlan();
  const parts = docxParts(await writeBreakdownNotice(plan));
  const text = docxText(parts.document);

  it('is an A4 page with the GB/T 9704 margins', () => {
    expect(parts.document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(parts.document).toMatch(new RegExp(`<w:pgMar w:top="${mm(37)}" w:right="${mm(26)}" w:bottom="${mm(35)}" w:left="${mm(28)}"`));
  });

  it('sets the title in 方正小标宋简体 二号 and the body in 仿宋_GB2312 三号 on a fixed 28 pt pitch', () => {
    expect(parts.document).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(parts.document).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
    expect(parts.document).toContain('w:line="560" w:lineRule="exact"');
    expect(parts.document).toMatch(/w:eastAsia="黑体"/);
  });

  it('names fallbacks for the official fonts in the font table', () => {
    expect(parts.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(parts.fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="方正小标宋_GBK"/>');
  });

  it('numbers pages in the footers, odd and even', () => {
    expect(parts.footers).toHaveLength(2);
    for (const footer of parts.footers) expect(footer).toContain('PAGE');
  });

  it('has the covering notice, every numbered item with its leader and units lines, and the issuer', () => {
    expect(text).toContain(noticeTitle(plan));
    expect(text).toContain('各区县(市)人民政府，市直及部省属驻甬各单位：');
    expect(text).toContain('1.地区生产总值增长6.8%左右,在高质量前提下能快则快。\n牵头领导：市长、副市长\n责任单位：市发改委、市级其他有关部门、各区县(市)政府、开发园区管委会');
    const items = text.match(/^\d+\.\D/gm) ?? [];
    expect(items).toHaveLength(187);
    expect(text.match(/^牵头领导：/gm)).toHaveLength(187 + 10);
    expect(text).toContain('宁波市人民政府办公厅\n2019年3月1日');
  });

  it('writes livelihood quota tables as real tables, keeping cells whose district is unknown', () => {
    const withQuotas = plan.livelihood.filter((p) => p.quotas.length > 0).length;
    expect(parts.document.match(/<w:tbl>/g)).toHaveLength(withQuotas);
    expect(text).toContain('老旧住宅小区改造面积（万平方米）');
    // Project 5: 11 district names for 14 values — all 14 printed, 3 under blank headers.
    expect(text).toMatch(/区域性居家养老服务中心（个）\n5\n3\n1\n2\n5\n3\n4\n3\n2\n2\n\/\n\/\n\/\n\/\n/);
  });
});
