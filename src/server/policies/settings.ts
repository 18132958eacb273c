import type { Actor } from '../auth/actor.ts';
import { isAdmin } from './shared.ts';

/** Status rules, reporting windows and webhooks: the supervision office's. */
export function settingsAbilities(a: Actor) {
  return { read: isAdmin(a), update: isAdmin(a) };
}
