import type { IsoDate } from './date.ts';
import type { Level, StatusRules } from './rules.ts';
import { DEFAULT_RULES } from './rules.ts';

export interface StatusEntry {
  date: IsoDate;
  level: Level;
}

export interface Escalation {
  /** Warnings (yellow) in the current unbroken run of flags. */
  warnings: number;
  /** Alerts (red) in that run. */
  alerts: number;
  /** A formal supervision letter (督办单) is called for. */
  letter: boolean;
  /** A talk with the responsible leader (约谈) is called for. */
  talk: boolean;
}

/**
 * Escalation from a task's status history: counts the flags since it was
 * last in the clear; a run of `letterAfter` yellow-or-red flags calls for a
 * 督办单, a run of `talkAfter` reds for a talk.
 */
export function escalation(history: readonly StatusEntry[], rules: Pick<StatusRules, 'escalation'> = DEFAULT_RULES): Escalation {
  const ordered = [...history].sort((a, b) => a.date.localeCompare(b.date));
  let warnings = 0, alerts = 0;
  for (let i = ordered.length - 1; i >= 0 && ordered[i].level !== 'ok'; i--) {
    if (ordered[i].level === 'alert') alerts++;
    else warnings++;
  }
  return {
    warnings, alerts,
    letter: warnings + alerts >= rules.escalation.letterAfter,
    talk: alerts >= rules.escalation.talkAfter,
  };
}
