import type { Actor } from '../auth/actor.ts';
import { isAdmin } from './shared.ts';

/** Who a task belongs to: the units and leader of its (or its project's) assignment. */
export interface TaskScope {
  leadUnitIds: number[];
  unitIds: number[];
  leaderId: number | null;
}

export function canReadTask(a: Actor, s: TaskScope): boolean {
  switch (a.role) {
    case 'admin':
    case 'viewer':
      return true;
    case 'unit':
      return a.unitId !== null && s.unitIds.includes(a.unitId);
    case 'leader':
      return a.leaderId !== null && s.leaderId === a.leaderId;
  }
}

export function taskAbilities(a: Actor, s: TaskScope) {
  const read = canReadTask(a, s);
  const ownUnit = a.role === 'unit' && read;
  const leadUnit = ownUnit && s.leadUnitIds.includes(a.unitId!);
  return {
    read,
    update: isAdmin(a),
    assign: isAdmin(a),
    close: isAdmin(a),
    report: isAdmin(a) || ownUnit,
    review: isAdmin(a) || leadUnit,
    comment: read && a.role !== 'viewer',
    reconcile: isAdmin(a),
  };
}
export type TaskAbilities = ReturnType<typeof taskAbilities>;
