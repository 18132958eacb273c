import type { Block } from '../../text/source.ts';
import { parseNoticeText } from './parse-text.ts';
import { headerColumns, parseTaskTable } from './parse-table.ts';
import type { BreakdownNotice, Span } from './types.ts';
import { validateItems, validateProjects } from './validate.ts';

export type * from './types.ts';
export { splitNames } from './split-names.ts';

export interface NoticeInput {
  /** The decoded text of the notice (for a table, its rows one per line with tab-separated cells). */
  text: string;
  /** Paragraphs and tables in reading order, when the reader kept them (.docx). */
  blocks?: Block[];
  /** Tables that came without text, e.g. the sheets of an .xlsx workbook. */
  tables?: string[][][];
}

/** Consecutive tab-separated lines of a text, as tables. */
function tabbedTables(text: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) current.push(line.split('\t'));
    else if (line.trim() === '' && current.length) continue;
    else if (current.length) {
      tables.push(current);
      current = [];
    }
  }
  if (current.length) tables.push(current);
  return tables;
}

/**
 * Reads a breakdown notice in any of its three layouts — items each
 * followed by their leader and unit lines, items grouped under their
 * leader, or a task table — with its livelihood projects and quota tables,
 * and reports what does not add up as findings. Pure: data in, data out.
 */
export function parseBreakdown(input: NoticeInput): BreakdownNotice {
  const tables = [
    ...(input.tables ?? []),
    ...(input.blocks ?? []).flatMap((b) => (b.kind === 'table' ? [b.rows] : [])),
  ];
  if (tables.length === 0) tables.push(...tabbedTables(input.text));
  const taskTables = tables.filter((rows) => rows.slice(0, 15).some((r) => headerColumns(r)));
  const prose = parseNoticeText(input.text);
  if (taskTables.length > 0 && prose.sections.length === 0) {
    let cursor = 0;
    const locate = (task: string): Span | undefined => {
      const at = input.text.indexOf(task, cursor);
      if (at < 0) return undefined;
      cursor = at + task.length;
      return { start: at, end: at + task.length };
    };
    const readings = taskTables.map((rows) => parseTaskTable(rows, locate)!);
    const sections = readings.flatMap((r) => r.sections);
    return {
      ...(prose.title ? { title: prose.title } : {}),
      ...(prose.issuer ? { issuer: prose.issuer } : {}),
      ...(prose.date ? { date: prose.date } : {}),
      layout: 'table',
      sections,
      projects: prose.projects,
      findings: [...validateItems(sections), ...readings.flatMap((r) => r.findings), ...validateProjects(prose.projects), ...prose.findings.filter((f) => f.code !== 'UNRECOGNISED_LINE')],
    };
  }
  return {
    ...(prose.title ? { title: prose.title } : {}),
    ...(prose.issuer ? { issuer: prose.issuer } : {}),
    ...(prose.date ? { date: prose.date } : {}),
    layout: prose.layout,
    sections: prose.sections,
    projects: prose.projects,
    findings: [...validateItems(prose.sections), ...validateProjects(prose.projects), ...prose.findings],
  };
}
