import type { QuantityRecord } from '../extract/quantity.ts';
import { extractTasks } from '../extract/tasks/extract.ts';
import type { ReportTask, TaskKind } from '../extract/tasks/types.ts';
import { analyse } from '../pipeline.ts';
import type { SourceDocument } from '../text/source.ts';
import { groupIntoSections, type DraftSection } from './draft-sections.ts';
import { reportPlace } from './draft-place.ts';
import { resolveUnit } from './directory.ts';
import { mainName } from './unit-name.ts';
import { suggest, type Suggestion, type SuggestionModel, type TaskSuggestions } from './suggest.ts';

/** One row of a drafted breakdown table: 序号 / 工作任务 / 牵头领导 / 牵头单位 / 配合单位 / 完成时限 / 指标. */
export interface DraftRow {
  no: number;
  section: string[];
  task: string;
  kind: TaskKind;
  leaders: string[];
  leadUnit?: string;
  coUnits: string[];
  /** The first deadline phrase as written, and its last day. */
  deadline?: { phrase: string; due: string };
  /** The quantities the task commits to, as quoted. */
  indicators: string[];
  /** The same quantities as records, for writers that format them. */
  quantities: QuantityRecord[];
  /** Targets stated without a figure (与经济增长基本同步). */
  qualitative: string[];
  /** Offsets of the task in the report's original text. */
  span: { start: number; end: number };
  /** Everything the model proposed, for a person to choose from. */
  suggestions: TaskSuggestions;
}

/** How sure a co-unit department must be, relative to the best, to be written into the draft. */
const CO_UNIT_SHARE = 0.5;
const MAX_CO_DEPARTMENTS = 3;
/** A group placeholder (各区县(市)政府) is written when past tasks of the lead listed it at least this often. */
const GROUP_SHARE = 0.5;
/** How many candidates of each sort are kept for the person who corrects the draft. */
const CANDIDATES = 5;

/**
 * Drafts the breakdown table of a report: each task with the leader, lead
 * unit and co-units the model thinks most likely, its deadline and its
 * figures. A draft for a person to correct, never a decision.
 */
export function draftBreakdown(tasks: ReportTask[], model: SuggestionModel): DraftRow[] {
  return tasks.map((t) => {
    const s = suggest(model, t.text, CANDIDATES);
    const row: DraftRow = {
      no: t.no,
      section: t.section,
      task: t.text,
      kind: t.kind,
      leaders: s.leaders.slice(0, 1).map((l) => l.name),
      coUnits: chooseCoUnits(model, s.coUnits, s.units[0]?.name),
      indicators: t.quantities.map((q) => q.quote),
      quantities: t.quantities,
      qualitative: t.qualitative,
      span: t.span,
      suggestions: s,
    };
    if (s.units[0]) row.leadUnit = s.units[0].name;
    if (t.deadlines[0]) row.deadline = { phrase: t.deadlines[0].phrase, due: t.deadlines[0].due };
    return row;
  });
}

/**
 * The co-units written into the draft: the likeliest departments, then the
 * group placeholders (市级其他有关部门, 各区县(市)政府) that the lead's past
 * tasks usually listed — last, where notices put them.
 */
function chooseCoUnits(model: SuggestionModel, candidates: Suggestion[], lead: string | undefined): string[] {
  const isGroup = (c: Suggestion) => resolveUnit(model.directory, c.name)?.kind === 'group';
  // The lead under its second, bracketed name (市自然资源规划局(市林业局)) is no co-unit of itself.
  const others = candidates.filter((c) => !lead || mainName(c.name) !== mainName(lead));
  const departments = others.filter((c) => !isGroup(c));
  const best = departments[0]?.score ?? 0;
  return [
    ...departments.filter((c) => c.score >= best * CO_UNIT_SHARE).slice(0, MAX_CO_DEPARTMENTS),
    ...others.filter((c) => isGroup(c) && c.score >= GROUP_SHARE),
  ].map((c) => c.name);
}

/** A whole draft: the rows grouped under numbered sections, with what the report says of itself. */
export interface DraftPlan {
  /** The report's file name. */
  source: string;
  /** The year the plan is for, when the report says. */
  year?: number;
  /** The government whose report it is (宁波市), when its title says. */
  place?: string;
  sections: DraftSection[];
  rows: DraftRow[];
}

/** The plan year: the first plan part's period (2020, 2020H2), else the report's year. */
function planYear(periods: (string | undefined)[], fallback: number | undefined): number | undefined {
  for (const p of periods) {
    const m = p ? /^(\d{4})/.exec(p) : null;
    if (m) return Number(m[1]);
  }
  return fallback;
}

/** From a report to its draft breakdown: extraction engine, tasks, suggestions, sections. */
export function draftFromReport(source: SourceDocument, model: SuggestionModel): DraftPlan {
  const analysis = analyse(source);
  const tasks = extractTasks({ norm: analysis.normalised, outline: analysis.outline, quantities: analysis.quantities });
  const rows = draftBreakdown(tasks, model);
  const year = planYear(analysis.outline.parts.filter((p) => p.kind === 'plan').map((p) => p.period), analysis.outline.year);
  const plan: DraftPlan = { source: source.name, sections: groupIntoSections(rows, year), rows };
  if (year !== undefined) plan.year = year;
  const place = reportPlace(analysis.normalised.text);
  if (place) plan.place = place;
  return plan;
}

/** The title a breakdown of the report carries: 2020年政府工作报告目标任务责任分解. */
export function draftTitle(plan: Pick<DraftPlan, 'year'>): string {
  return `${plan.year ? `${plan.year}年` : ''}政府工作报告目标任务责任分解`;
}
