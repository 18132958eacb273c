import type { Queryable } from '../../store/db.ts';
import type { QuantityRecord } from '../../extract/quantity.ts';
import { loadPlanRecord } from './plan-doc.ts';

/**
 * Every target and actual the extraction found in the documents of the
 * plan's organisation (all years: a year's actuals stand in the next year's
 * report), in import order, as the research files print them.
 */
export async function workspaceQuantities(db: Queryable, planId: number): Promise<QuantityRecord[]> {
  const plan = await loadPlanRecord(db, planId);
  const { rows } = await db.query<{ name: string; quantities: QuantityRecord[] | null }>(
    `SELECT name, extraction->'quantities' AS quantities FROM documents
      WHERE organisation_id = $1 AND archived_at IS NULL ORDER BY id`, [plan.organisation_id]);
  return rows.flatMap((d) => (Array.isArray(d.quantities) ? d.quantities : []).map((q) => ({ ...q, doc: q.doc || d.name })));
}
