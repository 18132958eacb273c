import type { Actor } from '../auth/actor.ts';
import { isAdmin } from './shared.ts';

export function auditAbilities(a: Actor) {
  return { read: isAdmin(a) };
}
