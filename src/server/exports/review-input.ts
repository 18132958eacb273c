import type { Queryable } from '../../store/db.ts';
import type { ReviewEntry, ReviewInput } from '../../export/model.ts';
import type { TargetFigure } from '../../track/figures.ts';
import { judgeTarget } from '../../track/judge.ts';
import { listTasks, type Visibility } from '../../store/tasks.ts';
import { isQuotaRow, loadPlanRecord } from './plan-doc.ts';
import { quantityOf } from './quantity-of.ts';

interface ActualRow {
  task_id: number; target_index: number; value: number | null; text: string; period: string;
  source: string; document_name: string | null;
}

const isTarget = (t: unknown): t is TargetFigure =>
  !!t && typeof t === 'object' && typeof (t as TargetFigure).value === 'number' && typeof (t as TargetFigure).cmp === 'string';

/**
 * The year's review ("主要预期目标完成情况"): every numeric target of the
 * plan the actor may see, with its confirmed actual (unconfirmed candidates
 * are not the office's word yet), the verdict src/track gives, and where the
 * actual comes from.
 */
export async function loadReviewInput(db: Queryable, planId: number, visibility: Visibility = {}): Promise<ReviewInput> {
  const plan = await loadPlanRecord(db, planId);
  const { rows: tasks } = await listTasks(db, { planId, limit: 1_000_000, offset: 0 }, visibility);
  const ids = tasks.map((t) => t.id);
  const actuals = ids.length
    ? (await db.query<ActualRow>(
      `SELECT a.task_id, a.target_index, a.value, a.text, a.period, a.source, d.name AS document_name
         FROM actuals a LEFT JOIN documents d ON d.id = a.document_id
        WHERE a.task_id = ANY($1::int[]) AND a.archived_at IS NULL AND a.confirmed ORDER BY a.id DESC`, [ids])).rows
    : [];
  const entries: ReviewEntry[] = [];
  // A district's share of a livelihood quota is not one of the year's targets.
  for (const t of tasks.filter((x) => !isQuotaRow(x))) {
    for (const [index, raw] of t.targets.entries()) {
      if (!isTarget(raw)) continue;
      const target = quantityOf(raw, { doc: String(t.document_id ?? ''), quote: t.text, section: [] });
      if (!target) continue;
      const a = actuals.find((x) => x.task_id === t.id && x.target_index === index);
      const judgement = judgeTarget(raw, a && { value: a.value ?? undefined, unit: raw.unit, text: a.text, quote: a.text });
      const actual = a && a.value !== null
        ? { ...target, kind: 'actual' as const, value: a.value, value_hi: undefined, cmp: 'eq' as const, stretch: undefined, quote: a.text || target.quote, period: a.period || undefined }
        : undefined;
      entries.push({
        target, actual, verdict: judgement.verdict,
        source: a ? a.document_name ?? (a.source === 'manual' ? '人工录入' : undefined) : undefined,
        note: a && a.value === null && a.text ? a.text : undefined,
      });
    }
  }
  return { year: plan.year, entries };
}
