import type { Actor } from '../auth/actor.ts';
import { isAdmin } from './shared.ts';

export function userAbilities(a: Actor, userId: number) {
  return { read: isAdmin(a) || a.id === userId, update: isAdmin(a), archive: isAdmin(a) && a.id !== userId };
}
