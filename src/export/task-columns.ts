import type { TaskRow } from './model.ts';
import { formatQuantity } from './quantity-text.ts';
import { joinNames } from './unit-list.ts';

/** The task fields a table can show; the ledger import compares them one by one. */
export type TaskField =
  | 'no' | 'text' | 'leaders' | 'leadUnit' | 'coUnits' | 'deadline'
  | 'targets' | 'progress' | 'percent' | 'status';

/** A value of a field as the import reads it back: lists stay lists, completion is a number. */
export type FieldValue = string | string[] | number | null;

export interface TaskColumn {
  field: TaskField;
  header: string;
  /** Width in Excel character units. */
  width: number;
  /** Whether offline edits to this column are taken back by the import. */
  editable: boolean;
  /** The value as the field holds it, in the form the import compares. */
  read(task: TaskRow): FieldValue;
}

function targetsText(task: TaskRow): string {
  return task.targets.map(formatQuantity).join('\n');
}

const columns: Record<TaskField, TaskColumn> = {
  no: { field: 'no', header: '序号', width: 6, editable: true, read: (t) => String(t.no) },
  text: { field: 'text', header: '工作任务', width: 46, editable: true, read: (t) => t.text },
  leaders: { field: 'leaders', header: '牵头领导', width: 11, editable: true, read: (t) => [...t.leaders] },
  leadUnit: { field: 'leadUnit', header: '牵头单位', width: 14, editable: true, read: (t) => t.leadUnit ?? '' },
  coUnits: { field: 'coUnits', header: '配合单位', width: 20, editable: true, read: (t) => [...t.coUnits] },
  deadline: { field: 'deadline', header: '完成时限', width: 11, editable: true, read: (t) => t.deadline ?? '' },
  targets: { field: 'targets', header: '指标', width: 22, editable: true, read: targetsText },
  progress: { field: 'progress', header: '最新进展', width: 30, editable: true, read: (t) => t.progress?.text ?? '' },
  percent: { field: 'percent', header: '进度', width: 7, editable: true, read: (t) => t.progress?.percent ?? null },
  // Status is computed by the tracking rules from progress and time: an offline edit cannot set it.
  status: { field: 'status', header: '状态', width: 9, editable: false, read: (t) => t.status?.label ?? '' },
};

/** Columns of the progress ledger (台账). */
export const ledgerColumns: TaskColumn[] = (
  ['no', 'text', 'leaders', 'leadUnit', 'coUnits', 'deadline', 'targets', 'progress', 'percent', 'status'] as const
).map((f) => columns[f]);

/** Columns of the draft breakdown table (issue 3): the assignment without progress. */
export const breakdownColumns: TaskColumn[] = (
  ['no', 'text', 'leaders', 'leadUnit', 'coUnits', 'deadline', 'targets'] as const
).map((f) => ({ ...columns[f], width: f === 'text' ? 56 : f === 'coUnits' ? 26 : columns[f].width }));

/** A field value as one cell's text. */
export function fieldText(value: FieldValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return joinNames(value);
  return String(value);
}
