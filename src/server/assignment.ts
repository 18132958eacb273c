import type { Queryable } from '../store/db.ts';
import type { Actor } from './auth/actor.ts';
import { audit } from './audit.ts';
import { conflict } from './problem.ts';

export interface AssignmentInput {
  leadUnitId?: number | null;
  coUnitIds?: number[];
  leaderId?: number | null;
  leaderText?: string;
  personInCharge?: string;
  deadline?: string | null;
}

async function snapshot(tx: Queryable, assignmentId: number) {
  const a = await tx.query<{ leader_id: number | null; leader_text: string; person_in_charge: string; deadline: string | null }>(
    'SELECT * FROM assignments WHERE id = $1', [assignmentId]);
  const u = await tx.query<{ unit_id: number; role: string }>(
    'SELECT unit_id, role FROM assignment_units WHERE assignment_id = $1 ORDER BY role DESC, position', [assignmentId]);
  return {
    ...a.rows[0],
    lead_unit_id: u.rows.find((r) => r.role === 'lead')?.unit_id ?? null,
    co_unit_ids: u.rows.filter((r) => r.role === 'co').map((r) => r.unit_id),
  };
}

/**
 * Creates or replaces a task's own assignment. `expected` is the version the
 * client saw (null: it saw none); a mismatch is 409. Audited in `tx`.
 */
export async function setAssignment(tx: Queryable, actor: Actor | null, taskId: number, input: AssignmentInput, expected: number | null) {
  const existing = await tx.query<{ id: number; version: number }>(
    'SELECT id, version FROM assignments WHERE task_id = $1 AND archived_at IS NULL', [taskId]);
  const current = existing.rows[0];
  if ((current?.version ?? null) !== expected) {
    throw conflict(`the assignment of task ${taskId} changed; reload and assign again`, { currentVersion: current?.version ?? null });
  }
  const before = current ? await snapshot(tx, current.id) : null;
  let id: number;
  if (current) {
    await tx.query(
      `UPDATE assignments SET leader_id = $2, leader_text = $3, person_in_charge = $4, deadline = $5,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [current.id, input.leaderId ?? before?.leader_id ?? null, input.leaderText ?? before?.leader_text ?? '',
        input.personInCharge ?? before?.person_in_charge ?? '', input.deadline !== undefined ? input.deadline : before?.deadline ?? null]);
    id = current.id;
  } else {
    const ins = await tx.query<{ id: number }>(
      `INSERT INTO assignments (task_id, leader_id, leader_text, person_in_charge, deadline) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [taskId, input.leaderId ?? null, input.leaderText ?? '', input.personInCharge ?? '', input.deadline ?? null]);
    id = ins.rows[0].id;
  }
  const lead = input.leadUnitId !== undefined ? input.leadUnitId : (before?.lead_unit_id as number | null) ?? null;
  const co = (input.coUnitIds ?? (before?.co_unit_ids as number[] | undefined) ?? []).filter((u) => u !== lead);
  await tx.query('DELETE FROM assignment_units WHERE assignment_id = $1', [id]);
  const units = [...(lead !== null ? [[lead, 'lead'] as const] : []), ...[...new Set(co)].map((u) => [u, 'co'] as const)];
  for (const [i, [unitId, role]] of units.entries()) {
    await tx.query('INSERT INTO assignment_units (assignment_id, unit_id, role, position) VALUES ($1, $2, $3, $4)', [id, unitId, role, i]);
  }
  const after = await snapshot(tx, id);
  await audit(tx, { userId: actor?.id ?? null, action: current ? 'assignment.update' : 'assignment.create', entity: 'assignment', entityId: id, before, after });
  return after;
}
