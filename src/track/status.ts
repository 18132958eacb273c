import type { IsoDate } from './date.ts';
import type { Reason } from './figures.ts';
import type { ActualProgress } from './progress.ts';
import type { Level, Status, StatusRules } from './rules.ts';
import type { Schedule } from './schedule.ts';
import { daysBetween } from './date.ts';
import { formatNumber } from './figures.ts';
import { DEFAULT_RULES } from './rules.ts';
import { expectedProgress, taskPeriod } from './schedule.ts';

export interface TaskState {
  schedule: Schedule;
  /** From the latest accepted report; absent when there is none. */
  progress?: ActualProgress;
  /** Closed (销号) by the supervision office. */
  closed?: boolean;
}

export interface StatusResult {
  status: Status;
  colour: string;
  level: Level;
  /** Time-elapsed progress, or 100 for a rate or ceiling that should hold all along. */
  expected: number;
  progress?: number;
  /** Points behind the expected progress (negative when ahead). */
  gap?: number;
  /** Days to the deadline (negative once past). */
  daysLeft: number;
  reasons: Reason[];
}

const LEVEL: Record<Status, Level> = {
  not_started: 'ok', on_track: 'ok', done: 'ok', closed: 'ok',
  behind: 'warning', seriously_behind: 'alert', overdue: 'alert',
};

/** The status and colour of a task on `date` under an organisation's rules. */
export function taskStatus(task: TaskState, date: IsoDate, rules: StatusRules = DEFAULT_RULES): StatusResult {
  const { start, end } = taskPeriod(task.schedule, date);
  const daysLeft = daysBetween(date, end);
  const state = task.progress?.basis === 'state';
  const expected = state ? 100 : expectedProgress(task.schedule, date);
  const progress = task.progress?.percent;
  const reasons: Reason[] = [];
  const result = (status: Status, gap?: number): StatusResult => {
    let colour = rules.colours[status];
    let level = LEVEL[status];
    const open = status === 'not_started' || status === 'on_track' || status === 'behind';
    if (open && daysLeft >= 0 && daysLeft <= rules.nearDeadlineDays) {
      colour = status === 'behind' ? colour : rules.colours.near_deadline;
      level = 'warning';
      reasons.push({ code: 'NEAR_DEADLINE', zh: `距完成时限还有${daysLeft}天`, en: `${daysLeft} day${daysLeft === 1 ? '' : 's'} to the deadline` });
    }
    return { status, colour, level, expected, progress, gap, daysLeft, reasons };
  };

  if (task.closed) {
    reasons.push({ code: 'CLOSED', zh: '已销号', en: 'closed' });
    return result('closed');
  }
  const finished = state ? daysLeft < 0 && task.progress?.withinTarget === true : progress !== undefined && progress >= 100;
  if (finished) {
    reasons.push({ code: 'DONE', zh: '已完成目标', en: 'target reached' });
    return result('done');
  }
  if (daysLeft < 0) {
    reasons.push({ code: 'OVERDUE', zh: `已超过完成时限${-daysLeft}天`, en: `${-daysLeft} day${daysLeft === -1 ? '' : 's'} past the deadline` });
    return result('overdue');
  }
  if (daysBetween(start, date) < 0) {
    reasons.push({ code: 'NOT_YET_STARTED', zh: '尚未到开始时间', en: 'the task has not started yet' });
    return result('not_started');
  }
  // Bulletins print points to one decimal; thresholds apply to the printed figure.
  const gap = Math.round((expected - (progress ?? 0)) * 10) / 10;
  const idle = progress === undefined || progress === 0;
  if (idle && gap < rules.behindPoints) {
    reasons.push({ code: 'NO_PROGRESS_YET', zh: '尚无进度', en: 'no progress reported yet' });
    return result('not_started', gap);
  }
  if (progress === undefined) reasons.push({ code: 'NO_ACCEPTED_REPORT', zh: '尚无已采纳的进度报告', en: 'no accepted progress report' });
  if (gap > rules.seriouslyBehindPoints || gap >= rules.behindPoints) {
    reasons.push(behindReason(gap, state));
    return result(gap > rules.seriouslyBehindPoints ? 'seriously_behind' : 'behind', gap);
  }
  reasons.push(state
    ? { code: 'WITHIN_TARGET', zh: '符合目标要求', en: 'meets the target' }
    : { code: 'ON_SCHEDULE', zh: `完成${oneDecimal(progress ?? 0)}%，序时进度${oneDecimal(expected)}%`, en: `${oneDecimal(progress ?? 0)}% done against ${oneDecimal(expected)}% time-elapsed` });
  return result('on_track', gap);
}

function behindReason(gap: number, state: boolean): Reason {
  const n = formatNumber(gap);
  return state
    ? { code: 'BEHIND_TARGET', zh: `距目标要求差${n}个百分点`, en: `${n} points short of the target` }
    : { code: 'BEHIND_SCHEDULE', zh: `落后序时进度${n}个百分点`, en: `${n} points behind time-elapsed progress` };
}

function oneDecimal(n: number): string {
  return formatNumber(Math.round(n * 10) / 10);
}
