import { describe, expect, it } from 'vitest';
import { reviewSentence, reviewTitle, writeReviewDocx, writeReviewMarkdown } from '../../src/export/review.ts';
import { docxParts, docxText } from './docx-xml.ts';
import { sampleReview } from './fixtures.ts';

describe('the review draft 主要预期目标完成情况', () => {
  const input = sampleReview();

  it('states each target in report style', () => {
    expect(reviewSentence(input.entries[0])).toBe('地区生产总值增长6.8%，完成预期目标。');
    expect(reviewSentence(input.entries[1])).toBe('研发经费支出占比接近2.8%（预期目标为超过2.8%），未完成预期目标。');
    expect(reviewSentence(input.entries[2])).toBe('固定资产投资增长11.4%，超额完成预期目标。');
    expect(reviewSentence(input.entries[5])).toBe('新增停车位15000个（预期目标），实际完成情况暂无数据，完成情况待核实。');
    expect(reviewSentence({ ...input.entries[1], verdict: 'partly_met' })).toBe('研发经费支出占比接近2.8%（预期目标为超过2.8%），基本完成预期目标。');
  });

  it('writes Markdown with the sentences, a table with the sources, and the notes', () => {
    const md = writeReviewMarkdown(input);
    expect(md.startsWith('# 2019年主要预期目标完成情况\n')).toBe(true);
    expect(md).toContain('| 地区生产总值 | 增长6.8%左右 | 地区生产总值增长6.8% | 完成 | 2020年宁波市政府工作报告 |');
    expect(md).toContain('| 城镇登记失业率 | 3.5%以内 | 城镇登记失业率1.75% | 完成 | 2019年宁波市国民经济和社会发展统计公报 |');
    expect(md).toContain('- 研发经费支出占比：“接近2.8%”未达到“超过2.8%”');
  });

  it('writes the .docx with the summary, a paragraph per target and the table', async () => {
    const parts = docxParts(await writeReviewDocx(input));
    const text = docxText(parts.document);
    expect(text).toContain(reviewTitle(input));
    expect(text).toContain('2019年确定的6项主要预期目标中，完成或超额完成4项，未完成1项，待核实1项。');
    expect(text).toContain('地区生产总值增长6.8%，完成预期目标。');
    expect(parts.document.match(/<w:tbl>/g)).toHaveLength(1);
  });
});
