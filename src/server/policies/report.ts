import type { Actor } from '../auth/actor.ts';
import type { TaskScope } from './task.ts';
import { taskAbilities } from './task.ts';

export interface ReportFacts {
  status: 'submitted' | 'accepted' | 'returned';
  unitId: number | null;
}

/** A unit reviews (accepts/returns) reports on tasks it leads, but never its own submission. */
export function reportAbilities(a: Actor, scope: TaskScope, r: ReportFacts) {
  const task = taskAbilities(a, scope);
  const ownSubmission = a.role === 'unit' && r.unitId === a.unitId;
  const reviewable = r.status === 'submitted' && task.review && (a.role === 'admin' || !ownSubmission);
  return { read: task.read, accept: reviewable, return: reviewable };
}
