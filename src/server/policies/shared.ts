import type { Actor } from '../auth/actor.ts';
import { forbidden } from '../problem.ts';

export const isAdmin = (a: Actor) => a.role === 'admin';

/** Throws 403 unless `allowed`. */
export function authorize(allowed: boolean, detail?: string): void {
  if (!allowed) throw forbidden(detail);
}

/** Records only the supervision office changes and every signed-in user reads (organisations, plans, units, leaders). */
export function referenceAbilities(actor: Actor) {
  return { read: true, update: isAdmin(actor), archive: isAdmin(actor) };
}
