import type { Message } from '../message.ts';
import { type Field, headerField } from './fields.ts';
import { leadUnitMissing } from './findings.ts';
import { headingLeaders } from './leader-titles.ts';
import { chineseNumeral } from './numerals.ts';
import { splitNames } from './split-names.ts';
import type { BreakdownItem, BreakdownSection, Span } from './types.ts';

export type Columns = Partial<Record<Field, number>>;

/** Columns named by a header row, recognised by meaning; undefined unless the row names a task column and one more field. */
export function headerColumns(row: string[]): Columns | undefined {
  const columns: Columns = {};
  row.forEach((cell, i) => {
    const field = headerField(cell);
    if (field && columns[field] === undefined) columns[field] = i;
  });
  return columns.task !== undefined && Object.keys(columns).length >= 2 ? columns : undefined;
}

function cell(row: string[], i: number | undefined): string {
  return i === undefined ? '' : (row[i] ?? '').replace(/\s*\n\s*/g, '').trim();
}

export interface TableReading {
  sections: BreakdownSection[];
  grouped: boolean;
  findings: Message[];
}

/**
 * Reads a task table (an .xlsx sheet or a .docx table): finds the header
 * row by meaning, then reads one item per row. A row with a single distinct
 * text (a merged row) is a section heading; if it names a leader (陈仲朝副市长
 * 牵头), its items take that leader. A leader cell left empty under a
 * vertically merged cell takes the leader of the row above. `locate`
 * returns where a row's task text stands in the source text, when known.
 */
export function parseTaskTable(rows: string[][], locate: (task: string) => Span | undefined = () => undefined): TableReading | undefined {
  const headerAt = rows.slice(0, 15).findIndex((r) => headerColumns(r));
  if (headerAt < 0) return undefined;
  const columns = headerColumns(rows[headerAt])!;
  let first = headerAt + 1;
  // A two-storey header: 责任单位 over 牵头单位 | 配合单位.
  const sub = rows[first]?.map((c) => headerField(c));
  if (sub && sub.some((f) => f) && !sub.includes('task')) {
    sub.forEach((f, i) => { if (f && f !== 'no') columns[f] = i; });
    // The storey above (责任单位) spans the lead and co-unit columns below it.
    if (columns.units !== undefined && (columns.units === columns.leadUnits || columns.units === columns.coUnits)) delete columns.units;
    first++;
  }
  const sections: BreakdownSection[] = [];
  let section: BreakdownSection | undefined;
  let grouped = false;
  let previousLeaders: string[] = [];
  let count = 0;
  const findings: Message[] = [];
  for (const row of rows.slice(first)) {
    const distinct = [...new Set(row.map((c) => c.trim()).filter(Boolean))];
    if (distinct.length === 0) continue;
    const task = cell(row, columns.task);
    const noText = cell(row, columns.no);
    const sectionRow = distinct.length === 1 || (noText && chineseNumeral(noText.replace(/[、.．]$/, '')) !== undefined && !/^\d/.test(noText) && !cell(row, columns.leadUnits ?? columns.units));
    if (sectionRow) {
      const title = distinct.length === 1 ? distinct[0] : `${noText}、${task}`;
      const leaders = headingLeaders(title.replace(/^[一二三四五六七八九十]+[、.．]\s*/, ''));
      if (leaders) grouped = true;
      const span = locate(title) ?? { start: 0, end: 0 };
      section = { title, leaders: leaders ?? [], items: [], span };
      sections.push(section);
      previousLeaders = [];
      continue;
    }
    if (!task) continue;
    count++;
    const no = /^\d+/.test(noText) ? Number(/^\d+/.exec(noText)![0]) : count;
    const lead = splitNames(cell(row, columns.leadUnits));
    const co = splitNames(cell(row, columns.coUnits));
    const stated = columns.units !== undefined && cell(row, columns.units) !== '';
    const units = stated ? splitNames(cell(row, columns.units)) : [...lead, ...co];
    const unled = !stated && lead.length === 0 && co.length > 0;
    let leaders = splitNames(cell(row, columns.leaders));
    if (leaders.length === 0 && columns.leaders !== undefined) leaders = previousLeaders;
    if (leaders.length === 0 && section) leaders = section.leaders;
    previousLeaders = leaders;
    const span = locate(task) ?? { start: 0, end: 0 };
    const item: BreakdownItem = { no, text: task, leaders, units, ...(units.length && !unled ? { leadUnit: units[0] } : {}), coUnits: unled ? units : units.slice(1), span };
    const deadline = cell(row, columns.deadline);
    if (deadline) item.deadline = deadline;
    if (!section) {
      section = { title: '', leaders: [], items: [], span };
      sections.push(section);
    }
    section.items.push(item);
    if (unled) findings.push(leadUnitMissing(item, section.title));
  }
  return { sections: sections.filter((s) => s.items.length > 0), grouped, findings };
}
