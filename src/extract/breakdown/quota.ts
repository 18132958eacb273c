import { charBigrams } from '../../text/bigrams.ts';
import type { Message } from '../message.ts';
import { finding } from './findings.ts';
import type { Line } from './lines.ts';
import { MAGNITUDES, MEASURE_WORDS } from './measure-words.ts';
import type { QuotaCell, QuotaCheck, QuotaRow, QuotaTable, Span } from './types.ts';

/** The corner cell that opens a quota table, sometimes broken over two lines (任务 / 分解). */
const CORNER = /^(任务分解|任务|分解|任务分解表|分解任务|区县\(市\)|区域|地区)$/;
const EMPTY_CELL = /^[\/／—–\-─]+$|^无$/;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;
const ORG_SUFFIX = /(局|委|办|会|院|部|社|厅|处|中心|公司|集团|队|站|所|馆|行|室)$/;
const UNIT_IN_LABEL = /[(（]([^()（）]+)[)）]\s*$/;

function isValue(token: string): boolean {
  return NUMBER.test(token) || EMPTY_CELL.test(token);
}

function cellOf(raw: string, scope: string | null): QuotaCell {
  return { scope, value: NUMBER.test(raw) ? Number(raw) : null, raw };
}

/**
 * Rejoins a unit name a flattened table broke over two lines (`市卫生` /
 * `健康委`): a piece that opens like a unit but lacks a unit's ending takes
 * the next piece, unless that one is itself a whole name.
 */
function rejoinNames(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (next !== undefined && /^[市区县]/.test(t) && t.length <= 6 && !ORG_SUFFIX.test(t) && !/^[市区县]/.test(next) && ORG_SUFFIX.test(next) && !UNIT_IN_LABEL.test(next)) {
      out.push(t + next);
      i++;
    } else {
      out.push(t);
    }
  }
  return out;
}

/** A row label split into its words and its unit: `示范小区(个)` → 示范小区, 个; `单位(万人)` → '', 万人. */
function labelAndUnit(label: string, corner: string | undefined): { label: string; unit?: string } {
  const m = UNIT_IN_LABEL.exec(label);
  let words = m ? label.slice(0, m.index).trim() : label.trim();
  const unit = m ? m[1].trim() : undefined;
  if (words === '单位' || words === '') words = corner ?? '';
  return unit ? { label: words, unit } : { label: words };
}

interface Block {
  headers: string[];
  corner?: string;
}

export interface QuotaReading {
  table: QuotaTable;
  findings: Message[];
  /** Tokens after the last value that belong to no row. */
  leftover: Line[];
}

/**
 * Reads a quota table that a web page flattened to one cell per line:
 * a corner (任务分解), the column headers, then for each row its label
 * (with the unit in brackets) followed by its values. Headers may restart
 * midway (a second block of columns). Values that outnumber or fall short
 * of their headers are kept as they stand and flagged, never reassigned.
 */
export function quotaFromCells(all: Line[], where: Record<string, unknown>): QuotaReading {
  const findings: Message[] = [];
  // A cell never ends with a colon: such a line (分享到:) closes the table.
  const stop = all.findIndex((t) => /[:：]$/.test(t.text));
  const tokens = stop < 0 ? all : all.slice(0, stop);
  const runs: { text: boolean; tokens: Line[] }[] = [];
  for (const t of tokens) {
    const text = !isValue(t.text);
    const last = runs[runs.length - 1];
    if (last && last.text === text) last.tokens.push(t);
    else runs.push({ text, tokens: [t] });
  }
  const rows: QuotaRow[] = [];
  const headers: string[][] = [];
  let block: Block | undefined;
  let leftover: Line[] = stop < 0 ? [] : all.slice(stop);
  let mismatchReported = false;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    if (!run.text) continue;
    const values = runs[r + 1]?.text === false ? runs[r + 1].tokens.map((t) => t.text) : undefined;
    if (!values) {
      leftover = [...run.tokens, ...leftover];
      break;
    }
    let words = run.tokens.map((t) => t.text);
    let corner: string | undefined;
    while (words.length > 0 && CORNER.test(words[0])) corner = (corner ?? '') + words.shift();
    words = rejoinNames(words);
    let label: string;
    if (!block || corner !== undefined || words.length >= 3) {
      const n = values.length;
      let k = /^[(（][^()（）]+[)）]$/.test(words[words.length - 1] ?? '') ? 2 : 1;
      if (words.length - k !== n && corner === undefined && words.length - k === n + 1) {
        corner = words.shift();
      } else if (words.length - k !== n && k === 1 && words.length - 2 === n && UNIT_IN_LABEL.test(words[words.length - 1] ?? '')) {
        k = 2;
      }
      label = words.slice(words.length - k).join('');
      block = { headers: words.slice(0, words.length - k), corner };
      headers.push(block.headers);
    } else {
      label = words.join('');
    }
    const named = labelAndUnit(label, block.corner && !CORNER.test(block.corner) ? block.corner : undefined);
    const cells = values.map((v, i) => cellOf(v, block!.headers[i] ?? null));
    rows.push({ ...named, cells });
    if (cells.length !== block.headers.length && !mismatchReported) {
      mismatchReported = true;
      findings.push(finding('QUOTA_HEADER_MISMATCH', 'warning', {
        zh: `任务分解表有${block.headers.length}个列名、${cells.length}个数值,原样保留,未作对应`,
        en: `quota table has ${block.headers.length} column headers for ${cells.length} values; cells kept as read, not reassigned`,
      }, spanOf(run.tokens, runs[r + 1].tokens), { ...where, row: named.label, headers: block.headers.length, values: cells.length }));
    }
  }
  const span = tokens.length ? { start: tokens[0].start, end: tokens[tokens.length - 1].end } : { start: 0, end: 0 };
  return { table: { headers, rows, checks: [], span }, findings, leftover };
}

/** Reads a quota table that survived as a table: the first row holds the headers, each other row a label and its values. */
export function quotaFromRows(tableRows: string[][], span: Span, where: Record<string, unknown>): { table: QuotaTable; findings: Message[] } {
  const findings: Message[] = [];
  const rows: QuotaRow[] = [];
  const headers: string[][] = [];
  let block: Block | undefined;
  for (const raw of tableRows) {
    const cellsText = raw.map((c) => c.replace(/\s+/g, ''));
    while (cellsText.length > 1 && cellsText[cellsText.length - 1] === '') cellsText.pop();
    const [first, ...rest] = cellsText;
    if (rest.length === 0) continue;
    if (!block || rest.every((c) => c !== '' && !isValue(c))) {
      block = { headers: rest, corner: first };
      headers.push(rest);
      continue;
    }
    const named = labelAndUnit(first, block.corner && !CORNER.test(block.corner) ? block.corner : undefined);
    const cells = rest.map((v, i) => cellOf(v, block!.headers[i] ?? null));
    rows.push({ ...named, cells });
    if (cells.length > block.headers.length) {
      findings.push(finding('QUOTA_HEADER_MISMATCH', 'warning', {
        zh: `任务分解表有${block.headers.length}个列名、${cells.length}个数值,原样保留,未作对应`,
        en: `quota table has ${block.headers.length} column headers for ${cells.length} values; cells kept as read, not reassigned`,
      }, span, { ...where, row: named.label, headers: block.headers.length, values: cells.length }));
    }
  }
  return { table: { headers, rows, checks: [], span }, findings };
}

function spanOf(a: Line[], b: Line[]): Span {
  const all = [...a, ...b];
  return { start: all[0].start, end: all[all.length - 1].end };
}

interface GoalFigure {
  value: number;
  unit: string;
  /** The clause of the goal line the figure stands in. */
  clause: string;
  quote: string;
}

const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*((?:${MAGNITUDES.join('|')})?(?:${MEASURE_WORDS.join('|')}))`, 'g');

/** The counted figures of a goal line, each with the clause around it (split outside brackets). */
export function goalFigures(goal: string): GoalFigure[] {
  const figures: GoalFigure[] = [];
  let depth = 0;
  let clauseStart = 0;
  const clauses: [number, number][] = [];
  for (let i = 0; i < goal.length; i++) {
    const ch = goal[i];
    if ('(（“'.includes(ch)) depth++;
    else if (')）”'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && ',，、;；。'.includes(ch)) {
      clauses.push([clauseStart, i]);
      clauseStart = i + 1;
    }
  }
  clauses.push([clauseStart, goal.length]);
  for (const m of goal.matchAll(FIGURE)) {
    const at = m.index ?? 0;
    const [s, e] = clauses.find(([a, b]) => at >= a && at < b) ?? [0, goal.length];
    figures.push({ value: Number(m[1]), unit: m[2], clause: goal.slice(s, e), quote: goal.slice(at, e) });
  }
  return figures;
}

function bigrams(s: string): Set<string> {
  const t = s.replace(/[^\u4e00-\u9fa5A-Za-z]/g, '');
  return new Set(t.length < 2 ? [] : charBigrams(t));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** The goal figure a quota row distributes: same unit, then the clause sharing most words with the row label. */
export function matchGoalFigure(row: QuotaRow, figures: GoalFigure[]): GoalFigure | undefined {
  const candidates = row.unit ? figures.filter((f) => f.unit === row.unit) : figures;
  if (candidates.length === 1 && row.unit) return candidates[0];
  const words = bigrams(row.label);
  let best: GoalFigure | undefined;
  let bestScore = 0;
  for (const f of candidates) {
    const score = overlap(words, bigrams(f.clause));
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Sums each row of a quota table and compares it with the goal figure it
 * distributes. A table whose values do not line up with its headers is not
 * summed: its cells cannot be trusted to be one per column.
 */
export function checkQuota(table: QuotaTable, goal: string, where: Record<string, unknown>, span: Span): { checks: QuotaCheck[]; findings: Message[] } {
  const figures = goalFigures(goal);
  const checks: QuotaCheck[] = [];
  const findings: Message[] = [];
  for (const row of table.rows) {
    if (row.cells.some((c) => c.scope === null) || row.cells.length === 0) continue;
    const figure = matchGoalFigure(row, figures);
    if (!figure) {
      findings.push(finding('QUOTA_GOAL_UNMATCHED', 'info', {
        zh: `分解行“${row.label}”在目标任务中找不到对应数字,未核对合计`,
        en: `quota row "${row.label}" matches no figure of the goal line; its sum is not checked`,
      }, span, { ...where, row: row.label }));
      continue;
    }
    // A row labelled without a unit (成立县域医共体数) counts in the unit of the figure it distributes.
    if (!row.unit) row.unit = figure.unit;
    const sum = Math.round(row.cells.reduce((acc, c) => acc + (c.value ?? 0), 0) * 1e6) / 1e6;
    const ok = Math.abs(sum - figure.value) < 1e-9;
    checks.push({ row: row.label, goal: figure.value, sum, ok, goalQuote: figure.quote });
    if (!ok) {
      findings.push(finding('QUOTA_SUM_MISMATCH', 'warning', {
        zh: `分解行“${row.label}”合计${sum}${figure.unit},与目标任务“${figure.quote}”的${figure.value}不符`,
        en: `quota row "${row.label}" sums to ${sum} ${figure.unit}, but the goal line says ${figure.value} ("${figure.quote}")`,
      }, span, { ...where, row: row.label, goal: figure.value, sum }));
    }
  }
  return { checks, findings };
}
