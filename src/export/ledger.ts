import type { PlanDoc } from './model.ts';
import { ledgerColumns } from './task-columns.ts';
import { writeTaskWorkbook, type SheetLayout } from './task-workbook.ts';

/**
 * The progress ledger (落实台账) as .xlsx: every task with its assignment,
 * targets, latest progress and coloured status, plus a hidden key column so
 * that the same workbook, edited offline, can be read back by `diffLedger`.
 */
export function writeLedger(plan: PlanDoc, options: { layout?: SheetLayout; title?: string } = {}): Promise<Uint8Array> {
  return writeTaskWorkbook(plan, {
    columns: ledgerColumns,
    layout: options.layout ?? 'single',
    title: options.title ?? `${plan.title}落实台账`,
    sheetName: '台账',
    withKey: true,
  });
}
