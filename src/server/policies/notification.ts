import type { Actor } from '../auth/actor.ts';

/** A notification is the addressee's: the user, or every user of the unit; the office sees all. */
export function canReadNotification(a: Actor, n: { user_id: number | null; unit_id: number | null }): boolean {
  if (a.role === 'admin') return true;
  if (n.user_id !== null) return n.user_id === a.id;
  return a.role === 'unit' && n.unit_id !== null && n.unit_id === a.unitId;
}
