import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';
import { xlsxTables } from '../../src/extract/breakdown/xlsx-rows.ts';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点工作');
  ws.addRow(['序号', '任务内容', '牵头领导', '牵头单位', '配合单位', '完成时限']);
  ws.addRow(['一、扩大有效投资']);
  ws.mergeCells('A2:F2');
  ws.addRow([1, '新开工重大项目50个。', '张伟', '市发改委', '市自然资源规划局、市住建局', '2025年12月底前']);
  ws.addRow([2, '民间投资增长8%。', '', '市发改委', '市工商联', '2025年12月底前']);
  ws.mergeCells('C3:C4');
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

describe('task tables in an .xlsx workbook', () => {
  it('reads the sheet into rows, merged cells filled, and parses the items', async () => {
    const tables = await xlsxTables(await workbook());
    expect(tables[0][1].every((c) => c === '一、扩大有效投资')).toBe(true);
    const notice = parseBreakdown({ text: '', tables });
    expect(notice.layout).toBe('table');
    expect(notice.sections[0].title).toBe('一、扩大有效投资');
    expect(notice.sections[0].items.map((i) => [i.no, i.leaders, i.leadUnit, i.coUnits, i.deadline])).toEqual([
      [1, ['张伟'], '市发改委', ['市自然资源规划局', '市住建局'], '2025年12月底前'],
      [2, ['张伟'], '市发改委', ['市工商联'], '2025年12月底前'],
    ]);
  });
});
