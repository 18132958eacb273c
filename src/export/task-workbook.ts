import ExcelJS from 'exceljs';
import type { PlanDoc, PlanSection, TaskRow } from './model.ts';
import { fieldText, type TaskColumn } from './task-columns.ts';
import { statusFill } from './colours.ts';

/** How tasks are spread over sheets. */
export type SheetLayout = 'single' | 'by-section' | 'by-unit';

export interface TaskWorkbookOptions {
  columns: TaskColumn[];
  layout: SheetLayout;
  /** Title printed above the header row of every sheet. */
  title: string;
  /** Name of the only sheet in the `single` layout. */
  sheetName: string;
  /** Adds the hidden key column the ledger import needs. */
  withKey: boolean;
}

/** Header of the hidden key column; the import finds the header row by it. */
export const keyHeader = '__luoshi_key';
/** Key cell of a section header row. */
export const sectionKey = '#section';
export const titleRow = 1;
export const headerRow = 2;

/** `id@version`: what the ledger import needs to find the task and notice an outdated row. */
export function taskKey(task: TaskRow): string {
  return `${task.id}@${task.version}`;
}

export function parseTaskKey(key: string): { id: string; version: number } | undefined {
  const at = key.lastIndexOf('@');
  if (at <= 0) return undefined;
  const version = Number(key.slice(at + 1));
  return Number.isInteger(version) ? { id: key.slice(0, at), version } : undefined;
}

const bodyFont = { name: '宋体', size: 10 };
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** Display width of text in Excel character units: CJK characters take about two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? 2.1 : 1.1;
  return width;
}

/** Row height in points for wrapped text: Excel does not fit heights of generated rows itself. */
function rowHeight(cells: { text: string; width: number }[]): number {
  let lines = 1;
  for (const { text, width } of cells) {
    const usable = Math.max(1, width - 1.5);
    const count = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
    lines = Math.max(lines, count);
  }
  return Math.min(409, lines * 13 + 4);
}

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters; names must be unique. */
function sheetName(wanted: string, used: Set<string>): string {
  const clean = wanted.replace(/[\[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = clean;
  for (let i = 2; used.has(name.toLowerCase()); i += 1) name = `${clean.slice(0, 31 - String(i).length - 1)}_${i}`;
  used.add(name.toLowerCase());
  return name;
}

function groupsFor(plan: PlanDoc, layout: SheetLayout, fallbackName: string): { name: string; sections: PlanSection[] }[] {
  if (layout === 'single') return [{ name: fallbackName, sections: plan.sections }];
  if (layout === 'by-section') return plan.sections.map((s) => ({ name: s.title, sections: [s] }));
  const byUnit = new Map<string, PlanSection[]>();
  for (const section of plan.sections) {
    for (const task of section.tasks) {
      const unit = task.leadUnit || '未明确牵头单位';
      const sections = byUnit.get(unit) ?? [];
      let last = sections[sections.length - 1];
      if (!last || last.title !== section.title) {
        last = { title: section.title, tasks: [] };
        sections.push(last);
      }
      last.tasks.push(task);
      byUnit.set(unit, sections);
    }
  }
  return [...byUnit].map(([name, sections]) => ({ name, sections }));
}

function addSheet(workbook: ExcelJS.Workbook, name: string, sections: PlanSection[], options: TaskWorkbookOptions): void {
  const { columns, withKey } = options;
  const visible = columns.length;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.columns = [
    ...columns.map((c) => ({ width: c.width })),
    ...(withKey ? [{ width: 16, hidden: true }] : []),
  ];

  sheet.mergeCells(titleRow, 1, titleRow, visible);
  const title = sheet.getCell(titleRow, 1);
  title.value = options.title;
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(titleRow).height = 30;

  const header = sheet.getRow(headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...bodyFont, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = border;
  });
  if (withKey) header.getCell(visible + 1).value = keyHeader;
  header.height = 20;

  let rowNumber = headerRow;
  for (const section of sections) {
    rowNumber += 1;
    sheet.mergeCells(rowNumber, 1, rowNumber, visible);
    const cell = sheet.getCell(rowNumber, 1);
    cell.value = section.title;
    cell.font = { ...bodyFont, bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = border;
    if (withKey) sheet.getCell(rowNumber, visible + 1).value = sectionKey;
    sheet.getRow(rowNumber).height = rowHeight([{ text: section.title, width: columns.reduce((w, c) => w + c.width, 0) }]);

    for (const task of section.tasks) {
      rowNumber += 1;
      const row = sheet.getRow(rowNumber);
      const texts: { text: string; width: number }[] = [];
      columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        const value = c.read(task);
        if (c.field === 'percent') {
          cell.value = typeof value === 'number' ? value / 100 : null;
          cell.numFmt = '0%';
        } else if (c.field === 'no' && typeof task.no === 'number') {
          cell.value = task.no;
        } else {
          cell.value = fieldText(value);
          texts.push({ text: fieldText(value), width: c.width });
        }
        cell.font = task.suggested && ['leaders', 'leadUnit', 'coUnits'].includes(c.field)
          ? { ...bodyFont, italic: true, color: { argb: 'FF1F4E79' } }
          : bodyFont;
        const centred = ['no', 'leaders', 'deadline', 'percent', 'status'].includes(c.field);
        cell.alignment = { vertical: 'middle', horizontal: centred ? 'center' : 'left', wrapText: true };
        cell.border = border;
        if (c.field === 'status' && task.status) {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${statusFill(task.status.colour)}` } };
        }
      });
      if (withKey) row.getCell(visible + 1).value = taskKey(task);
      row.height = rowHeight(texts);
    }
  }
}

/** Writes tasks as a workbook: title row, frozen header, merged section rows, one row per task. */
export async function writeTaskWorkbook(plan: PlanDoc, options: TaskWorkbookOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Luoshi';
  workbook.created = new Date(`${plan.date}T00:00:00Z`);
  workbook.modified = workbook.created;
  const used = new Set<string>();
  for (const group of groupsFor(plan, options.layout, options.sheetName)) {
    addSheet(workbook, sheetName(group.name, used), group.sections, options);
  }
  if (workbook.worksheets.length === 0) addSheet(workbook, sheetName(options.sheetName, used), [], options);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
