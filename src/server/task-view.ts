import type { Queryable } from '../store/db.ts';
import { getTask, type TaskRow } from '../store/tasks.ts';
import type { Actor } from './auth/actor.ts';
import { canReadTask, taskAbilities, type TaskScope } from './policies/task.ts';
import { notFound } from './problem.ts';
import { expectedPercent } from './tracking.ts';

export function scopeOf(t: TaskRow): TaskScope {
  return {
    leadUnitIds: t.units.filter((u) => u.role === 'lead').map((u) => u.id),
    unitIds: t.units.map((u) => u.id),
    leaderId: t.leader_id,
  };
}

/** Loads a task the actor may read; a task they may not see is 404, not 403, so its existence does not leak. */
export async function readableTask(db: Queryable, actor: Actor, id: number): Promise<TaskRow> {
  const t = await getTask(db, id);
  if (!t || !canReadTask(actor, scopeOf(t))) throw notFound('task');
  return t;
}

export function presentTask(t: TaskRow, actor: Actor, today: string) {
  return {
    id: t.id, planId: t.plan_id, parentId: t.parent_id, sectionId: t.section_id, documentId: t.document_id,
    kind: t.kind, livelihood: t.livelihood, no: t.no, position: t.position, text: t.text,
    span: t.span_start === null ? null : { start: t.span_start, end: t.span_end },
    targets: t.targets, districtId: t.district_id, districtName: t.district_name,
    startsOn: t.starts_on, deadline: t.deadline, published: t.published,
    status: t.status, actualPercent: t.actual_percent, actualValue: t.actual_value,
    expectedPercent: Math.round(expectedPercent({ year: t.year, startsOn: t.starts_on, deadline: t.deadline }, today) * 10) / 10,
    closedAt: t.closed_at, version: t.version,
    assignment: t.assignment_id === null ? null : {
      id: t.assignment_id, leaderId: t.leader_id, leaderName: t.leader_name ?? t.leader_text, personInCharge: t.person_in_charge,
      deadline: t.assignment_deadline, version: t.assignment_version,
      leadUnits: t.units.filter((u) => u.role === 'lead'), coUnits: t.units.filter((u) => u.role === 'co'),
    },
    // Proposed by the suggestion model at import, for the office to accept or replace; not an assignment.
    suggestion: t.suggestion ?? null,
    abilities: taskAbilities(actor, scopeOf(t)),
  };
}
