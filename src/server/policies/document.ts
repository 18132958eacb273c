import type { Actor } from '../auth/actor.ts';
import { isAdmin } from './shared.ts';

/** Source documents are imported and read by the office; others see tasks derived from them. */
export function documentAbilities(a: Actor) {
  return { read: isAdmin(a) || a.role === 'viewer' || a.role === 'leader', import: isAdmin(a), archive: isAdmin(a) };
}
