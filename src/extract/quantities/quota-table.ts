import type { QuantityRecord } from '../quantity.ts';
import type { MappedText } from '../../text/offset-map.ts';
import { originalSpan } from '../../text/offset-map.ts';
import { partAt, sectionAt, type Outline } from '../../outline/outline.ts';
import { GENERIC_LABELS } from '../data/fillers.ts';
import { dice } from './similarity.ts';
import type { Message } from '../message.ts';

/**
 * Quota tables of livelihood projects, either flattened one cell per line
 * (a 任务分解 header, the district or unit names, then for each row a label
 * line such as `示范小区(个)` and one value per name) or kept as
 * tab-separated rows. A row whose count of values differs from the count of
 * names has lost its headers: its figures are kept without districts, with a
 * QUOTA_HEADERS_LOST message, rather than misassigned.
 */
const HEADER = /^任务\s*分解$/;
const VALUE = /^(\d+(?:\.\d+)?|\/|-|—)$/;
const NAME_MAX = 8;
const ORG_END = /[局委办会院厅室心司行区县市镇湖湾湖州山海港岛所馆园]$/;

interface Line { text: string; start: number }

interface Table {
  doc: string;
  norm: MappedText;
  outline: Outline;
  goals: QuantityRecord[];
  messages: Message[];
  out: QuantityRecord[];
  /** Normalised offset where the table starts (its goal lines come before). */
  start: number;
}

export function extractQuotaTables(doc: string, norm: MappedText, outline: Outline, goals: QuantityRecord[], messages: Message[] = []): QuantityRecord[] {
  const lines = nonEmptyLines(norm.text);
  const out: QuantityRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const table = { doc, norm, outline, goals, messages, out, start: lines[i].start };
    if (lines[i].text.includes('\t')) {
      i = readTabTable(norm.text, lines, i, table);
      continue;
    }
    let at = i;
    if (HEADER.test(lines[i].text)) at = i + 1;
    else if (lines[i].text === '任务' && lines[i + 1]?.text === '分解') at = i + 2;
    else continue;
    i = readTable(lines, at, (names, label, values, labelLine) => emitRow(table, names, label, values, labelLine));
  }
  return out;
}

/** One record per value of a quota row, the district of its column as scope. */
function emitRow(table: Table, names: string[], label: string, values: Line[], labelLine: Line): void {
  const { doc, norm, outline } = table;
  const unitMatch = /[(（]([^)）]+)[)）]\s*$/.exec(label);
  const bare = label.replace(/[(（][^)）]*[)）]\s*$/, '').trim();
  const goal = bestGoal(projectGoals(table.goals, norm, outline, table.start), bare, unitMatch?.[1]);
  const indicator = !bare || GENERIC_LABELS.test(bare) ? goal?.indicator ?? bare : bare;
  const unit = unitMatch?.[1] ?? goal?.unit ?? '';
  const part = partAt(outline, labelLine.start);
  if (!names.length) {
    table.messages.push({
      code: 'QUOTA_HEADERS_LOST',
      source: 'quantities',
      severity: 'warning',
      message: {
        zh: `任务分解表“${label}”一行有${values.length}个数值，与地区名数不符，未分配到地区`,
        en: `quota row "${label}" has ${values.length} values that do not match its district names; kept without districts`,
      },
      span: originalSpan(norm, labelLine.start, labelLine.start + labelLine.text.length),
    });
  }
  values.forEach((v, k) => {
    if (!/^\d/.test(v.text)) return;
    const rec: QuantityRecord = {
      doc,
      kind: part.kind === 'review' ? 'actual' : 'target',
      indicator,
      measure: 'delta',
      direction: 'up',
      value: Number(v.text),
      unit,
      cmp: 'eq',
      quote: labelLine.text,
      span: originalSpan(norm, v.start, v.start + v.text.length),
      section: sectionAt(outline, v.start),
    };
    if (part.period) rec.period = part.period;
    if (names[k]) rec.scope = names[k];
    table.out.push(rec);
  });
}

/**
 * A table that kept its cells (docx, html: one row a line, cells split by
 * tabs): a header row of names (no digits: a column of years is no quota
 * table), then rows of a label and one value per name.
 */
function readTabTable(text: string, lines: Line[], i: number, table: Table): number {
  const header = cellsOf(text, lines[i]);
  const names = header.slice(1).map((c) => c.text);
  if (names.length < 2 || names.some((n) => !n || n.length > NAME_MAX || /\d/.test(n))) return i;
  let j = i + 1;
  for (; j < lines.length && lines[j].text.includes('\t'); j++) {
    const row = cellsOf(text, lines[j]);
    const values = row.slice(1);
    if (row.length !== header.length || !values.every((v) => VALUE.test(v.text))) break;
    emitRow(table, names, row[0].text, values, row[0]);
  }
  return j - 1;
}

function cellsOf(text: string, line: Line): Line[] {
  let end = text.indexOf('\n', line.start);
  if (end < 0) end = text.length;
  const lineStart = text.lastIndexOf('\n', line.start - 1) + 1;
  const cells: Line[] = [];
  let at = lineStart;
  for (const raw of text.slice(lineStart, end).split('\t')) {
    const trimmed = raw.trim();
    cells.push({ text: trimmed, start: at + Math.max(0, raw.indexOf(trimmed)) });
    at += raw.length + 1;
  }
  return cells;
}

function nonEmptyLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed) lines.push({ text: trimmed, start: start + raw.indexOf(trimmed) });
    start = end + 1;
  }
  return lines;
}

type Row = (names: string[], label: string, values: Line[], labelLine: Line) => void;

/** Reads groups of label lines and value lines until the table ends; returns the index of its last line. */
function readTable(lines: Line[], from: number, emit: Row): number {
  let names: string[] | undefined;
  let i = from;
  while (i < lines.length) {
    const labels: Line[] = [];
    while (i < lines.length && !VALUE.test(lines[i].text) && isCell(lines[i].text)) labels.push(lines[i++]);
    const values: Line[] = [];
    while (i < lines.length && VALUE.test(lines[i].text)) values.push(lines[i++]);
    if (!labels.length || !values.length) break;
    let label: Line[] = labels;
    if (!names) {
      const split = labelStart(labels, 0, values.length);
      names = mergeFragments(labels.slice(0, split).map((l) => l.text));
      label = labels.slice(split);
    } else if (labels.length > 3) {
      // a sub-table under its own row heading: 示范单位 / 市教育局 … / 单位(家)
      const split = labelStart(labels, 1, values.length);
      names = mergeFragments(labels.slice(1, split).map((l) => l.text));
      label = [labels[0], ...labels.slice(split)];
    }
    const text = label.map((l) => l.text).join('');
    // a row that lost its column headers keeps its figures, without districts
    if (names.length) emit(values.length === names.length ? names : [], text, values, label[label.length - 1] ?? labels[0]);
  }
  return i - 1;
}

/** A flattened cell is short and is no sentence or heading. */
function isCell(s: string): boolean {
  return s.length <= 24 && !/[。；;:：,，]/.test(s) && !/^[一二三四五六七八九十]+、/.test(s);
}

/**
 * Where the row label begins after the names: at the first line with a
 * (unit), or at the short fragment before it (单位 / (万平方米), 示范 / 小区(个)).
 * When only one choice leaves as many names as there are values, it wins.
 */
function labelStart(labels: Line[], from: number, values: number): number {
  const k = labels.findIndex((l) => /[(（]/.test(l.text));
  if (k < 0) return labels.length - 1;
  const fits = (split: number) => mergeFragments(labels.slice(from, split).map((l) => l.text)).length === values;
  if (k > from && fits(k - 1) !== fits(k)) return fits(k - 1) ? k - 1 : k;
  if (k > from && (/^[(（]/.test(labels[k].text) || labels[k - 1].text.length <= 2)) return k - 1;
  return k;
}

/** Names broken over lines (市卫生 / 健康委) joined back. */
function mergeFragments(names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    if (n.length > NAME_MAX) continue;
    const last = out[out.length - 1];
    if (last && last.startsWith('市') && !ORG_END.test(last)) out[out.length - 1] = last + n;
    else out.push(n);
  }
  return out;
}

/** The goal-line record of the same project that the row most resembles. */
function bestGoal(near: QuantityRecord[], label: string, unit: string | undefined): QuantityRecord | undefined {
  let best: QuantityRecord | undefined;
  let score = -1;
  for (const g of near) {
    const s = dice(g.indicator, label) + (unit && g.unit.endsWith(unit) ? 0.5 : 0);
    if (s > score) { score = s; best = g; }
  }
  return best;
}

/** The records stated between the project's heading and its table (offsets compared in the original text). */
function projectGoals(goals: QuantityRecord[], norm: MappedText, outline: Outline, tableStart: number): QuantityRecord[] {
  const heading = outline.headings.filter((h) => h.level <= 1 && h.start < tableStart).pop();
  const from = heading ? norm.map[heading.start] : 0;
  const to = norm.map[tableStart];
  return goals.filter((g) => g.span.start >= from && g.span.start < to);
}
