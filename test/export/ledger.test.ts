import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writeLedger } from '../../src/export/ledger.ts';
import { diffLedger } from '../../src/export/ledger-import.ts';
import { writeBreakdownXlsx } from '../../src/export/breakdown-xlsx.ts';
import { statusFill } from '../../src/export/colours.ts';
import { samplePlan, smallPlan } from './fixtures.ts';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The row of a task by its 序号 in the first column. */
function rowOf(sheet: ExcelJS.Worksheet, no: number): ExcelJS.Row {
  for (let r = 1; r <= sheet.rowCount; r += 1) if (sheet.getRow(r).getCell(1).value === no) return sheet.getRow(r);
  throw new Error(`no row ${no}`);
}

describe('the ledger workbook', () => {
  it('lays out the plan: title, frozen header, merged bold section rows, status fills, A4 landscape', async () => {
    const plan = samplePlan();
    const sheet = (await open(await writeLedger(plan))).worksheets[0];
    expect(sheet.getRow(2).values).toEqual([undefined, '序号', '工作任务', '牵头领导', '牵头单位', '配合单位', '完成时限', '指标', '最新进展', '进度', '状态', '__luoshi_key']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getColumn(11).hidden).toBe(true);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '2:2' });
    const section = sheet.getRow(3);
    expect(section.getCell(1).value).toBe('一、2019年经济社会发展主要目标');
    expect(section.getCell(1).font?.bold).toBe(true);
    expect(section.getCell(10).isMerged).toBe(true);
    const first = rowOf(sheet, 1);
    expect(first.getCell(7).value).toBe('地区生产总值增长6.8%左右');
    const task = plan.sections[0].tasks[0];
    expect((first.getCell(10).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${statusFill(task.status!.colour)}`);
    expect(first.getCell(9).value).toBeCloseTo(task.progress!.percent! / 100);
    // 187 tasks + 11 section rows + title + header.
    expect(sheet.rowCount).toBe(187 + 11 + 2);
  });

  it('spreads tasks over one sheet per section or per lead unit', async () => {
    const plan = samplePlan();
    const bySection = await open(await writeLedger(plan, { layout: 'by-section' }));
    expect(bySection.worksheets).toHaveLength(11);
    const byUnit = await open(await writeLedger(plan, { layout: 'by-unit' }));
    const units = new Set(plan.sections.flatMap((s) => s.tasks.map((t) => t.leadUnit)));
    expect(byUnit.worksheets.map((w) => w.name)).toEqual([...units]);
  });
});

describe('reading the ledger back', () => {
  it('finds no change in a workbook exported and imported unchanged, in every layout', async () => {
    const plan = samplePlan();
    for (const layout of ['single', 'by-section', 'by-unit'] as const) {
      const diff = await diffLedger(plan, await writeLedger(plan, { layout }));
      expect(diff.changes).toEqual([]);
      expect(diff.rowsRead).toBe(187);
    }
  });

  it('finds exactly the cells edited offline, field by field', async () => {
    const plan = samplePlan();
    const workbook = await open(await writeLedger(plan));
    const sheet = workbook.worksheets[0];
    rowOf(sheet, 5).getCell(8).value = '已完成全年任务，物价运行平稳。';
    rowOf(sheet, 5).getCell(9).value = 0.6;
    rowOf(sheet, 6).getCell(5).value = '各区县(市)政府，开发园区管委会、市财政局';
    rowOf(sheet, 6).getCell(10).value = '已完成'; // status is computed: not taken back
    const diff = await diffLedger(plan, await save(workbook));
    expect(diff.changes).toEqual([
      expect.objectContaining({ kind: 'update', taskId: 'task-5', field: 'progress', after: '已完成全年任务，物价运行平稳。' }),
      expect.objectContaining({ kind: 'update', taskId: 'task-5', field: 'percent', before: plan.sections[0].tasks[4].progress!.percent, after: 60 }),
      expect.objectContaining({
        kind: 'update', taskId: 'task-6', field: 'coUnits', header: '配合单位', stale: false,
        before: ['各区县(市)政府', '开发园区管委会'], after: ['各区县(市)政府', '开发园区管委会', '市财政局'],
      }),
    ]);
  });

  it('flags rows exported from an older version, rows typed in, deleted rows and unknown keys', async () => {
    const plan = smallPlan(2, 3, 0);
    const workbook = await open(await writeLedger(plan));
    const sheet = workbook.worksheets[0];
    rowOf(sheet, 2).getCell(3).value = '陈炳荣、卞吉安';
    const added = sheet.addRow([undefined, '新增一项任务', '卞吉安', '市住建局']);
    sheet.spliceRows(rowOf(sheet, 3).number, 1);
    const current = structuredClone(plan);
    current.sections[0].tasks[1].version += 1;
    current.sections[0].tasks = current.sections[0].tasks.filter((t) => t.id !== 'task-1');
    const diff = await diffLedger(current, await save(workbook));
    expect(diff.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'update', taskId: 'task-2', field: 'leaders', after: ['陈炳荣', '卞吉安'], stale: true }),
      expect.objectContaining({ kind: 'add', row: added.number - 1, values: { text: '新增一项任务', leaders: ['卞吉安'], leadUnit: '市住建局' } }),
      expect.objectContaining({ kind: 'unknown-task', key: expect.stringMatching(/^task-1@/) }),
      expect.objectContaining({ kind: 'missing', taskId: 'task-3' }),
    ]));
    expect(diff.changes).toHaveLength(4);
  });
});

describe('the draft breakdown table', () => {
  it('has one row per task under merged section rows and the seven columns of issue 3', async () => {
    const plan = samplePlan();
    const sheet = (await open(await writeBreakdownXlsx(plan))).worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe(plan.title);
    expect(sheet.getRow(2).values).toEqual([undefined, '序号', '工作任务', '牵头领导', '牵头单位', '配合单位', '完成时限', '指标']);
    expect(sheet.getRow(3).getCell(7).isMerged).toBe(true);
    expect(rowOf(sheet, 2).getCell(4).value).toBe('市科技局');
    expect(sheet.rowCount).toBe(187 + 11 + 2);
  });
});
