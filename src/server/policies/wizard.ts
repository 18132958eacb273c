import type { Actor } from '../auth/actor.ts';
import { isAdmin } from './shared.ts';

/**
 * The import wizard: the office corrects, splits, merges and publishes what the
 * engine found; viewers may look at the suggestions but change nothing.
 */
export function wizardAbilities(a: Actor) {
  return {
    suggest: isAdmin(a) || a.role === 'viewer',
    correct: isAdmin(a),
    split: isAdmin(a),
    merge: isAdmin(a),
    publish: isAdmin(a),
  };
}
