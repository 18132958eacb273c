import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';
import { isWorkbook, readNotice, tablesAsText } from '../../src/extract/breakdown/read-notice.ts';
import { RefusedInput } from '../../src/text/source.ts';

async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('分解表');
  sheet.addRow(['序号', '工作任务', '牵头领导', '牵头单位', '配合单位']);
  sheet.addRow([1, '新建城市公园10个', '张三', '市住建局', '市财政局']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('readNotice: a notice file as the notice parser takes it', () => {
  it('reads a workbook as tables, also when saved under another name', async () => {
    const bytes = await workbook();
    expect(isWorkbook(bytes, 'notice.bin')).toBe(true);
    const input = await readNotice(bytes, 'notice.bin');
    expect(tablesAsText(input.tables!)).toContain('新建城市公园10个\t张三\t市住建局');
    const item = parseBreakdown(input).sections[0].items[0];
    expect(item).toMatchObject({ leadUnit: '市住建局', coUnits: ['市财政局'], leaders: ['张三'] });
  });

  it('reads text through readDocument and refuses what is not a notice with a reason', async () => {
    const text = await readNotice(new TextEncoder().encode('一、经济发展\n1.地区生产总值增长6.5%。(牵头单位:市发改委)'), 'n.txt');
    expect(text.text).toContain('市发改委');
    expect(isWorkbook(new TextEncoder().encode('plain'), 'n.txt')).toBe(false);
    await expect(readNotice(new Uint8Array([0x50, 0x4b, 3]), 'broken.xlsx')).rejects.toThrow(RefusedInput);
  });
});
