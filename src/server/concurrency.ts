import type { Queryable } from '../store/db.ts';
import { conflict, notFound, Problem } from './problem.ts';

/** The version the client last saw: from the body or If-Match; required so no write is blind. */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: number | undefined): number {
  const v = bodyVersion ?? ifMatch;
  if (v === undefined) throw new Problem(428, 'Precondition Required', 'send the record version (body `version` or If-Match)');
  return v;
}

/**
 * Updates one record if it is still at `version`, bumping the version. A
 * stale version gets 409 with the current record, so the client can merge
 * and nothing is lost. `changes` keys are column names chosen by code.
 */
export async function updateVersioned<T = Record<string, unknown>>(
  tx: Queryable, table: string, id: number, version: number, changes: Record<string, unknown>,
): Promise<T> {
  const columns = Object.keys(changes);
  const sets = columns.map((col, i) => `${col} = $${i + 3}`);
  const hasUpdatedAt = table !== 'comments' && table !== 'progress_reports';
  if (hasUpdatedAt) sets.push('updated_at = now()');
  const { rows } = await tx.query<T>(
    `UPDATE ${table} SET ${[...sets, 'version = version + 1'].join(', ')}
      WHERE id = $1 AND version = $2 AND archived_at IS NULL RETURNING *`,
    [id, version, ...columns.map((c) => changes[c])]);
  if (rows[0]) return rows[0];
  const current = await tx.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1 AND archived_at IS NULL`, [id]);
  if (!current.rows[0]) throw notFound(table);
  throw conflict(`the record changed since version ${version}; reload and apply your change again`, { currentVersion: current.rows[0].version });
}
