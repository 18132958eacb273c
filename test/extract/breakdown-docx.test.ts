import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';
import { readDocx } from '../../src/text/docx.ts';

const row = (cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });

async function notice(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph('二连浩特市人民政府办公室关于印发2024年政府工作报告重点任务分解方案的通知'),
        new Paragraph('二连浩特市人民政府办公室'),
        new Paragraph('2024年3月5日'),
        new Table({
          rows: [
            row(['序号', '工作任务', '牵头领导', '牵头单位', '配合单位', '完成时限']),
            row(['1', '口岸过货量增长10%以上。', '刘芳', '市口岸办', '二连海关、二连边检站', '2024年12月底前']),
            row(['2', '新建保障性租赁住房300套。', '张伟', '市住房和城乡建设局', '市财政局、市自然资源局', '2024年10月底前']),
          ],
        }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('task tables in a .docx notice', () => {
  it('reads the table through the document reader, heading included', async () => {
    const read = readDocx(await notice(), true);
    if (!read.ok) throw new Error(read.reason);
    const parsed = parseBreakdown({ text: read.text, blocks: read.blocks });
    expect(parsed.layout).toBe('table');
    expect(parsed.issuer).toBe('二连浩特市人民政府办公室');
    expect(parsed.date).toBe('2024-03-05');
    const items = parsed.sections.flatMap((s) => s.items);
    expect(items.map((i) => [i.no, i.leadUnit, i.coUnits, i.leaders, i.deadline])).toEqual([
      [1, '市口岸办', ['二连海关', '二连边检站'], ['刘芳'], '2024年12月底前'],
      [2, '市住房和城乡建设局', ['市财政局', '市自然资源局'], ['张伟'], '2024年10月底前'],
    ]);
    expect(read.text.slice(items[1].span.start, items[1].span.end)).toBe('新建保障性租赁住房300套。');
    expect(parsed.findings).toEqual([]);
  });
});
