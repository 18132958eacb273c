import { describe, expect, it } from 'vitest';
import { expectedProgress } from '../../src/track/schedule.ts';

describe('time-elapsed progress (序时进度)', () => {
  it('on 30 June a yearly task should be about half done: 181 of 365 days, 49.6%', () => {
    expect(expectedProgress({ year: 2019 }, '2019-06-30')).toBeCloseTo(49.6, 1);
  });
  it('takes the plan year from the date when the task names none', () => {
    expect(expectedProgress({}, '2019-06-30')).toBeCloseTo(49.6, 1);
  });
  it('is 0 before the start, 100 from the deadline on', () => {
    const task = { start: '2019-03-01', deadline: '2019-05-31' };
    expect(expectedProgress(task, '2019-02-28')).toBe(0);
    expect(expectedProgress(task, '2019-05-31')).toBe(100);
    expect(expectedProgress(task, '2019-08-01')).toBe(100);
  });
  it('runs linearly from the start to the deadline', () => {
    // 1 March to 9 March is 9 days; by the end of 3 March a third has passed
    expect(expectedProgress({ start: '2019-03-01', deadline: '2019-03-09' }, '2019-03-03')).toBeCloseTo(33.33, 1);
  });
  it('follows the milestones where a task has them: 20% by March, 80% by September', () => {
    const task = { year: 2019, milestones: [{ date: '2019-09-30', percent: 80 }, { date: '2019-03-31', percent: 20 }] };
    expect(expectedProgress(task, '2019-03-31')).toBeCloseTo(20, 5);
    expect(expectedProgress(task, '2019-09-30')).toBeCloseTo(80, 5);
    // halfway in days between the two milestones is halfway in percent
    expect(expectedProgress(task, '2019-06-30')).toBeCloseTo(20 + (60 * 91) / 183, 5);
    expect(expectedProgress(task, '2019-12-31')).toBe(100);
  });
  it('clamps milestone percentages to 0–100', () => {
    expect(expectedProgress({ year: 2019, milestones: [{ date: '2019-01-31', percent: 140 }] }, '2019-02-15')).toBe(100);
  });
});
