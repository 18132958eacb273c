import type { PlanDoc } from './model.ts';
import { breakdownColumns } from './task-columns.ts';
import { writeTaskWorkbook } from './task-workbook.ts';

/**
 * The draft breakdown table (任务分解表) as .xlsx: one row per task under
 * merged section rows, columns 序号/工作任务/牵头领导/牵头单位/配合单位/完成时限/指标.
 * Assignments the machine proposed (`suggested`) are set in blue italics.
 */
export function writeBreakdownXlsx(plan: PlanDoc): Promise<Uint8Array> {
  return writeTaskWorkbook(plan, {
    columns: breakdownColumns,
    layout: 'single',
    title: plan.title,
    sheetName: '任务分解',
    withKey: false,
  });
}
