import { describe, expect, it } from 'vitest';
import { taskStatus } from '../../src/track/status.ts';
import { parseStatusRules } from '../../src/track/rules.ts';

const yearly = { year: 2019 };
const reported = (percent: number) => ({ percent, basis: 'reported' as const });

describe('status and colour of a task on a date (default rules)', () => {
  it('on 30 June a yearly task at 45% is on track (4.6 points behind): green', () => {
    const s = taskStatus({ schedule: yearly, progress: reported(45) }, '2019-06-30');
    expect(s).toMatchObject({ status: 'on_track', colour: 'green', level: 'ok' });
    expect(s.gap).toBeCloseTo(4.6, 1);
    expect(s.reasons[0].zh).toBe('完成45%，序时进度49.6%');
  });
  it('a task 20 points behind is yellow, and says so', () => {
    const s = taskStatus({ schedule: yearly, progress: reported(29.6) }, '2019-06-30');
    expect(s).toMatchObject({ status: 'behind', colour: 'yellow', level: 'warning' });
    expect(s.reasons.map((r) => r.zh)).toContain('落后序时进度20个百分点');
    expect(s.reasons.map((r) => r.en)).toContain('20 points behind time-elapsed progress');
  });
  it('10 points behind is already yellow; 30 is still yellow; more than 30 is red', () => {
    const at = (p: number) => taskStatus({ schedule: yearly, progress: reported(p) }, '2019-06-30');
    expect(at(49.6 - 10).colour).toBe('yellow');
    expect(at(49.6 - 30).colour).toBe('yellow');
    expect(at(49.6 - 31)).toMatchObject({ status: 'seriously_behind', colour: 'red', level: 'alert' });
  });
  it('is done at 100% and stays done after the deadline', () => {
    expect(taskStatus({ schedule: yearly, progress: reported(100) }, '2020-01-10')).toMatchObject({ status: 'done', colour: 'blue' });
  });
  it('is overdue, red, once the deadline has passed unfinished', () => {
    const s = taskStatus({ schedule: { deadline: '2019-06-30' }, progress: reported(90) }, '2019-07-02');
    expect(s).toMatchObject({ status: 'overdue', colour: 'red', daysLeft: -2 });
    expect(s.reasons[0].zh).toBe('已超过完成时限2天');
  });
  it('turns yellow within 3 days of the deadline even when on track', () => {
    const s = taskStatus({ schedule: { start: '2019-01-01', deadline: '2019-06-30' }, progress: reported(95) }, '2019-06-27');
    expect(s).toMatchObject({ status: 'on_track', colour: 'yellow', level: 'warning', daysLeft: 3 });
    expect(s.reasons.map((r) => r.zh)).toContain('距完成时限还有3天');
    expect(taskStatus({ schedule: { start: '2019-01-01', deadline: '2019-06-30' }, progress: reported(95) }, '2019-06-26').colour).toBe('green');
  });
  it('is not started early in the year without a report, and behind once the calendar runs ahead', () => {
    expect(taskStatus({ schedule: yearly }, '2019-01-20')).toMatchObject({ status: 'not_started', colour: 'green' });
    expect(taskStatus({ schedule: { start: '2019-09-01', deadline: '2019-12-31' } }, '2019-06-30').status).toBe('not_started');
    const late = taskStatus({ schedule: yearly }, '2019-06-30');
    expect(late.status).toBe('seriously_behind');
    expect(late.reasons.map((r) => r.en)).toContain('no accepted progress report');
  });
  it('a closed task (销号) stays closed whatever its figures', () => {
    expect(taskStatus({ schedule: yearly, progress: reported(10), closed: true }, '2019-12-31').status).toBe('closed');
  });
  it('a rate or ceiling is measured against the target itself, not the calendar', () => {
    const holding = { percent: 100, basis: 'state' as const, withinTarget: true };
    expect(taskStatus({ schedule: yearly, progress: holding }, '2019-03-31').status).toBe('on_track');
    expect(taskStatus({ schedule: yearly, progress: holding }, '2020-01-15').status).toBe('done');
    const slipping = taskStatus({ schedule: yearly, progress: { percent: 85, basis: 'state', withinTarget: false } }, '2019-03-31');
    expect(slipping.status).toBe('behind');
    expect(slipping.reasons[0].zh).toBe('距目标要求差15个百分点');
  });
  it("follows an organisation's own rules: red beyond 20 points, blue near deadlines", () => {
    const parsed = parseStatusRules({ seriouslyBehindPoints: 20, colours: { near_deadline: 'blue' } });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    expect(taskStatus({ schedule: yearly, progress: reported(25) }, '2019-06-30', parsed.rules).colour).toBe('red');
    expect(taskStatus({ schedule: { deadline: '2019-06-30' }, progress: reported(99) }, '2019-06-29', parsed.rules).colour).toBe('blue');
  });
});

describe('validating the rules object', () => {
  it('fills what an organisation leaves out from the defaults', () => {
    const parsed = parseStatusRules({ behindPoints: 15 });
    expect(parsed.ok && parsed.rules).toMatchObject({ behindPoints: 15, seriouslyBehindPoints: 30, nearDeadlineDays: 3, colours: { behind: 'yellow' } });
  });
  it('says what is wrong instead of throwing', () => {
    expect(parseStatusRules({ behindPoints: 40 })).toEqual({ ok: false, errors: ['behindPoints (40) must be below seriouslyBehindPoints (30)'] });
    const bad = parseStatusRules({ nearDeadlineDays: -1, colours: { purple: 'x' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join('\n')).toMatch(/nearDeadlineDays/);
  });
});
