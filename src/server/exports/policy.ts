import type { Actor } from '../auth/actor.ts';
import { isAdmin } from '../policies/shared.ts';

/**
 * Who takes which document out of the workspace. The office and the leaders
 * download every document (each sees the tasks the task policy lets them
 * read); a unit downloads its own tasks' ledger to fill in offline; only the
 * office takes an edited ledger back in.
 */
export function exportAbilities(a: Actor) {
  const reader = isAdmin(a) || a.role === 'leader';
  return {
    ledger: reader || a.role === 'unit',
    documents: reader,
    research: reader,
    importLedger: isAdmin(a),
  };
}
