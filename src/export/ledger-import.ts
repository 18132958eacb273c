import ExcelJS from 'exceljs';
import { checkWorkbookSize } from '../extract/breakdown/xlsx-limits.ts';
import type { PlanDoc, TaskRow } from './model.ts';
import { ledgerColumns, type FieldValue, type TaskColumn, type TaskField } from './task-columns.ts';
import { keyHeader, parseTaskKey, sectionKey } from './task-workbook.ts';
import { splitNames } from './unit-list.ts';

/** One difference between the workbook and the current data, for a person to confirm. */
export type LedgerChange =
  | {
      kind: 'update';
      taskId: string;
      no: string;
      field: TaskField;
      header: string;
      before: FieldValue;
      after: FieldValue;
      /** The row was exported from an older version of the task: someone changed it since. */
      stale: boolean;
      sheet: string;
      row: number;
    }
  /** A row without a key: a task typed into the workbook offline. */
  | { kind: 'add'; section?: string; values: Partial<Record<TaskField, FieldValue>>; sheet: string; row: number }
  /** A key that names no current task (deleted since, or typed by hand). */
  | { kind: 'unknown-task'; key: string; sheet: string; row: number }
  /** The same task twice in the workbook: its second row is not taken. */
  | { kind: 'duplicate'; taskId: string; sheet: string; row: number }
  /** A current task whose row is gone from the workbook. */
  | { kind: 'missing'; taskId: string; no: string };

export interface LedgerDiff {
  changes: LedgerChange[];
  /** Tasks the workbook holds with a key. */
  rowsRead: number;
}

type CellValue = ExcelJS.CellValue;

/** The text of a cell whatever Excel or LibreOffice made of it (rich text, formulas, dates). */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).join('\n').trim();
}

/** Completion as 0–100 from a percent-formatted cell (0.45) or typed text (45%, 45). */
function readPercent(value: CellValue): number | null {
  if (typeof value === 'number') return Math.round(value * 100 * 1e6) / 1e6;
  const text = cellText(value).trim();
  if (!text) return null;
  const n = Number(text.replace(/[%％]$/, ''));
  return Number.isFinite(n) ? n : null;
}

function readField(column: TaskColumn, value: CellValue): FieldValue {
  if (column.field === 'percent') return readPercent(value);
  if (column.field === 'leaders' || column.field === 'coUnits') return splitNames(cellText(value));
  return normaliseText(cellText(value));
}

function normalise(column: TaskColumn, value: FieldValue): FieldValue {
  if (typeof value === 'string') return normaliseText(value);
  return value;
}

function same(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** Finds the header row by the hidden key column and maps columns by their headers, so moved columns still read. */
function locateColumns(sheet: ExcelJS.Worksheet): { headerRow: number; keyColumn: number; columns: Map<number, TaskColumn> } | undefined {
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r += 1) {
    const row = sheet.getRow(r);
    let keyColumn = 0;
    const columns = new Map<number, TaskColumn>();
    row.eachCell((cell, c) => {
      const text = cellText(cell.value).trim();
      if (text === keyHeader) keyColumn = c;
      const column = ledgerColumns.find((col) => col.header === text);
      if (column) columns.set(c, column);
    });
    if (keyColumn) return { headerRow: r, keyColumn, columns };
  }
  return undefined;
}

/**
 * Compares a ledger workbook written by `writeLedger` (and perhaps edited
 * offline in Excel or WPS) with the current data: field by field, only the
 * editable columns, for a person to confirm before anything is applied.
 * A workbook larger than a task table can be is refused (WorkbookRefused)
 * before exceljs, which builds an object per cell, loads it.
 */
export async function diffLedger(current: PlanDoc, workbookBytes: Uint8Array): Promise<LedgerDiff> {
  checkWorkbookSize(workbookBytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(workbookBytes) as unknown as ExcelJS.Buffer);
  const tasks = new Map<string, TaskRow>();
  for (const section of current.sections) for (const task of section.tasks) tasks.set(task.id, task);

  const changes: LedgerChange[] = [];
  const seen = new Set<string>();
  let rowsRead = 0;
  for (const sheet of workbook.worksheets) {
    const layout = locateColumns(sheet);
    if (!layout) continue;
    let section: string | undefined;
    for (let r = layout.headerRow + 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const key = cellText(row.getCell(layout.keyColumn).value).trim();
      if (key === sectionKey) {
        section = cellText(row.getCell(1).value).trim();
        continue;
      }
      if (!key) {
        const values: Partial<Record<TaskField, FieldValue>> = {};
        for (const [c, column] of layout.columns) {
          const value = readField(column, row.getCell(c).value);
          if (value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) values[column.field] = value;
        }
        if (values.text) changes.push({ kind: 'add', section, values, sheet: sheet.name, row: r });
        continue;
      }
      const parsed = parseTaskKey(key);
      const task = parsed && tasks.get(parsed.id);
      if (!parsed || !task) {
        changes.push({ kind: 'unknown-task', key, sheet: sheet.name, row: r });
        continue;
      }
      if (seen.has(task.id)) {
        changes.push({ kind: 'duplicate', taskId: task.id, sheet: sheet.name, row: r });
        continue;
      }
      seen.add(task.id);
      rowsRead += 1;
      for (const [c, column] of layout.columns) {
        if (!column.editable) continue;
        const before = normalise(column, column.read(task));
        const after = readField(column, row.getCell(c).value);
        if (!same(before, after)) {
          changes.push({
            kind: 'update', taskId: task.id, no: String(task.no), field: column.field, header: column.header,
            before, after, stale: parsed.version !== task.version, sheet: sheet.name, row: r,
          });
        }
      }
    }
  }
  for (const task of tasks.values()) {
    if (!seen.has(task.id)) changes.push({ kind: 'missing', taskId: task.id, no: String(task.no) });
  }
  return { changes, rowsRead };
}
