import type { Queryable } from '../../store/db.ts';
import { listTasks, type TaskFilters, type TaskRow as StoredTask, type Visibility } from '../../store/tasks.ts';
import { trackStatusLabels } from '../../export/colours.ts';
import type { LivelihoodProject, PlanDoc, PlanSection, QuotaRow, TaskRow } from '../../export/model.ts';
import { splitNames } from '../../export/unit-list.ts';
import type { StatusResult } from '../../track/status.ts';
import { notFound } from '../problem.ts';
import { statusRules } from '../task-status.ts';
import { evaluateTask, type StatusRules } from '../tracking.ts';
import { periodEnd } from './periods.ts';
import { quantityOf } from './quantity-of.ts';

export interface PlanRecord {
  id: number;
  organisation_id: number;
  organisation_name: string;
  year: number;
  title: string;
  status: string;
  version: number;
}

export async function loadPlanRecord(db: Queryable, id: number): Promise<PlanRecord> {
  const { rows } = await db.query<PlanRecord>(
    `SELECT p.id, p.organisation_id, o.name AS organisation_name, p.year, p.title, p.status, p.version
       FROM plans p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = $1 AND p.archived_at IS NULL`, [id]);
  if (!rows[0]) throw notFound('plan');
  return rows[0];
}

export interface AcceptedReport {
  task_id: number;
  period: string;
  narrative: string;
  percent: number | null;
  value: number | null;
  at: Date;
}

/** Accepted reports per task, newest first (the order refreshTaskStatus reads them in). */
async function acceptedReports(db: Queryable, taskIds: number[]): Promise<Map<number, AcceptedReport[]>> {
  const out = new Map<number, AcceptedReport[]>();
  if (!taskIds.length) return out;
  const { rows } = await db.query<AcceptedReport>(
    `SELECT task_id, period, narrative, percent, value, COALESCE(reviewed_at, submitted_at) AS at
       FROM progress_reports WHERE task_id = ANY($1::int[]) AND status = 'accepted' AND archived_at IS NULL
      ORDER BY task_id, period DESC, reviewed_at DESC NULLS LAST, id DESC`, [taskIds]);
  for (const r of rows) out.set(r.task_id, [...(out.get(r.task_id) ?? []), r]);
  return out;
}

/** What a task's row in a document rests on: the store row, its latest report then, its status then. */
export interface TaskFacts {
  row: StoredTask;
  report?: AcceptedReport;
  evaluation: StatusResult;
}

export interface PlanSnapshot {
  plan: PlanRecord;
  doc: PlanDoc;
  /** Every task the documents show (work tasks, projects and district quota rows), by store id. */
  facts: Map<number, TaskFacts>;
  rules: StatusRules;
}

export interface SnapshotOptions {
  /** The task-list filters (the web app exports what is on screen). */
  filters?: Omit<TaskFilters, 'planId' | 'limit' | 'offset'>;
  visibility?: Visibility;
  /** Date the statuses are computed for. */
  asOf: string;
  /** Only reports whose period ends by this date count (a bulletin for June ignores July's reports). */
  reportsUntil?: string;
  /** Issuing office; `${organisation}人民政府办公室` when absent. */
  issuer?: string;
  /** Date of issue; `asOf` when absent. */
  date?: string;
}

/** District quota rows of a livelihood project are cells of its quota table, not tasks of their own. */
export const isQuotaRow = (t: StoredTask) => t.kind === 'subtask' && t.district_id !== null;

const dateText = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : v instanceof Date ? v.toISOString().slice(0, 10) : undefined);

function leadersOf(t: StoredTask): string[] {
  const text = typeof t.leader_text === 'string' ? t.leader_text : '';
  if (text) return splitNames(text);
  return typeof t.leader_name === 'string' && t.leader_name ? [t.leader_name] : [];
}

/** The notice's title names the breakdown (…政府工作报告目标任务责任分解), not the report itself. */
export function documentTitle(planTitle: string): string {
  if (/政府工作报告$/.test(planTitle)) return `${planTitle}目标任务责任分解`;
  if (/政府工作报告目标任务$/.test(planTitle)) return `${planTitle}责任分解`;
  return planTitle;
}

function splitTitle(text: string): { title: string; goal: string } {
  const m = /^([^:：\n]{1,60})[:：]([\s\S]+)$/.exec(text);
  return m ? { title: m[1].trim(), goal: m[2].trim() } : { title: text, goal: text };
}

/**
 * The plan as the document writers take it (src/export/model.ts), read from
 * the store: sections in order, each visible task with its assignment,
 * targets, latest accepted report and the status the tracking engine gives
 * it on `asOf`; livelihood projects with their district quotas as tables.
 */
export async function loadPlanSnapshot(db: Queryable, planId: number, o: SnapshotOptions): Promise<PlanSnapshot> {
  const plan = await loadPlanRecord(db, planId);
  const { rows } = await listTasks(db, { ...o.filters, planId, limit: 1_000_000, offset: 0 }, o.visibility ?? {});
  // Sections carry no assignment, so a unit's or leader's task list never holds them: read them apart.
  const sectionRows = (await db.query<{ id: number; text: string }>(
    `SELECT id, text FROM tasks WHERE plan_id = $1 AND kind = 'section' AND archived_at IS NULL ORDER BY position, id`, [planId])).rows;
  const work = rows.filter((t) => t.kind !== 'section');
  const reports = await acceptedReports(db, work.map((t) => t.id));
  const rules = await statusRules(db, plan.organisation_id);

  const facts = new Map<number, TaskFacts>();
  for (const t of work) {
    const report = (reports.get(t.id) ?? []).find((r) => {
      if (!o.reportsUntil) return true;
      const end = periodEnd(r.period);
      return end !== undefined && end <= o.reportsUntil;
    });
    const evaluation = evaluateTask({
      year: t.year, startsOn: dateText(t.starts_on) ?? null, deadline: dateText(t.deadline) ?? null,
      closed: t.closed_at !== null && (!o.reportsUntil || dateText(t.closed_at)! <= o.asOf), targets: t.targets,
      report: report && { period: report.period, value: report.value, percent: report.percent },
    }, o.asOf, rules);
    facts.set(t.id, { row: t, report, evaluation });
  }

  const sectionTitle = new Map(sectionRows.map((s) => [s.id, s.text]));
  const taskRow = (f: TaskFacts, index: number): TaskRow => {
    const t = f.row;
    const lead = t.units.find((u) => u.role === 'lead');
    const section = t.section_id !== null ? [sectionTitle.get(t.section_id) ?? ''] : [];
    const percent = f.report ? f.report.percent ?? (f.evaluation.progress === undefined ? undefined : Math.round(f.evaluation.progress * 10) / 10) : undefined;
    return {
      id: String(t.id),
      version: t.version,
      no: t.no || String(index + 1),
      text: t.text,
      leaders: leadersOf(t),
      leadUnit: lead?.name,
      coUnits: t.units.filter((u) => u.role === 'co').map((u) => u.name),
      deadline: dateText(t.deadline) ?? dateText(t.assignment_deadline),
      targets: t.targets.flatMap((raw) => quantityOf(raw, { doc: String(t.document_id ?? ''), quote: t.text, section }) ?? []),
      progress: f.report && {
        text: f.report.narrative, ...(percent === undefined ? {} : { percent }),
        reportedAt: new Date(f.report.at).toISOString().slice(0, 10),
      },
      status: { label: trackStatusLabels[f.evaluation.status] ?? f.evaluation.status, colour: f.evaluation.colour, level: f.evaluation.level },
    };
  };

  const bySection = new Map<number | null, TaskRow[]>();
  let index = 0;
  for (const f of facts.values()) {
    if (isQuotaRow(f.row)) continue;
    const key = f.row.section_id !== null && sectionTitle.has(f.row.section_id) ? f.row.section_id : null;
    bySection.set(key, [...(bySection.get(key) ?? []), taskRow(f, index++)]);
  }
  const sections: PlanSection[] = sectionRows
    .filter((s) => bySection.has(s.id))
    .map((s) => ({ title: s.text, tasks: bySection.get(s.id)! }));
  if (bySection.has(null)) sections.push({ title: '其他任务', tasks: bySection.get(null)! });

  const livelihood: LivelihoodProject[] = [];
  for (const f of facts.values()) {
    const t = f.row;
    if (t.kind !== 'project') continue;
    const { title, goal } = splitTitle(t.text);
    const quotas: QuotaRow[] = [];
    for (const q of facts.values()) {
      if (q.row.parent_id !== t.id || !isQuotaRow(q.row)) continue;
      const target = quantityOf(q.row.targets[0], { doc: '', quote: q.row.text, section: [] });
      const label = target?.indicator || title;
      const unit = target?.unit ?? '';
      let quota = quotas.find((r) => r.label === label && r.unit === unit);
      if (!quota) quotas.push(quota = { label, unit, cells: [], done: [] });
      const district = (q.row.district_name as string | null) ?? target?.scope ?? '';
      quota.cells.push({ district, value: target?.value ?? '' });
      if (q.report?.value !== null && q.report?.value !== undefined) quota.done!.push({ district, value: q.report.value });
    }
    livelihood.push({
      no: Number(t.no) || livelihood.length + 1, title, goal, leaders: leadersOf(t),
      units: t.units.map((u) => u.name),
      persons: splitNames(typeof t.person_in_charge === 'string' ? t.person_in_charge : ''),
      partners: [], quotas,
    });
  }

  const doc: PlanDoc = {
    title: documentTitle(plan.title), year: plan.year,
    issuer: o.issuer ?? `${plan.organisation_name}人民政府办公室`, date: o.date ?? o.asOf,
    sections, livelihood,
  };
  return { plan, doc, facts, rules };
}

/** The notice prints livelihood projects after the numbered items with their quota tables, not among them. */
export function withoutProjects(snapshot: PlanSnapshot): PlanDoc {
  const projects = new Set([...snapshot.facts.values()].filter((f) => f.row.kind === 'project').map((f) => String(f.row.id)));
  const sections = snapshot.doc.sections
    .map((s) => ({ ...s, tasks: s.tasks.filter((t) => !projects.has(t.id)) }))
    .filter((s) => s.tasks.length > 0);
  return { ...snapshot.doc, sections };
}
