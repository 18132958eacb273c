import { describe, expect, it } from 'vitest';
import { deadlineReminders, dueReports, parseWindowRule, reportingPeriods } from '../../src/track/windows.ts';

describe('reporting windows', () => {
  it('monthly, due by the 5th: March is reported by 5 April; December by 5 January', () => {
    const periods = reportingPeriods({ kind: 'monthly', dueDay: 5 }, '2019-01-01', '2019-12-31');
    expect(periods).toHaveLength(12);
    expect(periods[2]).toEqual({ period: '2019-03', start: '2019-03-01', end: '2019-03-31', due: '2019-04-05' });
    expect(periods[11].due).toBe('2020-01-05');
  });
  it('quarterly, due by the 10th of the month after the quarter', () => {
    const periods = reportingPeriods({ kind: 'quarterly', dueDay: 10 }, '2019-01-01', '2019-12-31');
    expect(periods.map((p) => `${p.period} ${p.due}`)).toEqual(['2019Q1 2019-04-10', '2019Q2 2019-07-10', '2019Q3 2019-10-10', '2019Q4 2020-01-10']);
  });
  it('a custom rule keeps its own periods', () => {
    const half = { period: '2019H1', start: '2019-01-01', end: '2019-06-30', due: '2019-07-10' };
    expect(reportingPeriods({ kind: 'custom', periods: [half] }, '2019-03-01', '2019-03-31')).toEqual([half]);
  });
});

describe('which reports are owed on a date', () => {
  const tasks = [
    { id: 'A', schedule: { year: 2019 } },
    { id: 'B', schedule: { start: '2019-03-15', deadline: '2019-12-31' } },
    { id: 'C', schedule: { year: 2019 }, finished: true },
  ];
  it('on 3 April, March is due; February, not filed, is overdue', () => {
    const owed = dueReports(tasks, [{ taskId: 'A', period: '2019-01' }], '2019-04-03');
    expect(owed.map(({ message, ...rest }) => rest)).toEqual([
      { taskId: 'A', period: '2019-02', due: '2019-03-05', state: 'overdue', daysOverdue: 29 },
      { taskId: 'A', period: '2019-03', due: '2019-04-05', state: 'due', daysOverdue: 0 },
      { taskId: 'B', period: '2019-03', due: '2019-04-05', state: 'due', daysOverdue: 0 },
    ]);
    expect(owed[0].message.zh).toBe('2019-02进度报告已逾期29天（应于2019-03-05前报送）');
    expect(owed[1].message.en).toBe('the progress report for 2019-03 is due by 2019-04-05');
  });
  it('on 6 April the March report is one day late', () => {
    const owed = dueReports(tasks, [{ taskId: 'A', period: '2019-01' }, { taskId: 'A', period: '2019-02' }], '2019-04-06');
    expect(owed.filter((r) => r.taskId === 'A')).toMatchObject([{ taskId: 'A', period: '2019-03', due: '2019-04-05', state: 'overdue', daysOverdue: 1 }]);
  });
});

describe('deadline reminders (催办 candidates)', () => {
  it('lists unfinished tasks within 3 days of their deadline, and those past it, most urgent first', () => {
    const tasks = [
      { id: 'near', schedule: { deadline: '2019-06-30' } },
      { id: 'far', schedule: { deadline: '2019-07-31' } },
      { id: 'past', schedule: { deadline: '2019-06-20' } },
      { id: 'done', schedule: { deadline: '2019-06-29' }, finished: true },
    ];
    const reminders = deadlineReminders(tasks, '2019-06-27');
    expect(reminders).toMatchObject([
      { taskId: 'past', deadline: '2019-06-20', daysLeft: -7, kind: 'deadline_passed' },
      { taskId: 'near', deadline: '2019-06-30', daysLeft: 3, kind: 'deadline_near' },
    ]);
    expect(reminders.map((r) => r.message.zh)).toEqual(['已超过完成时限（2019-06-20）7天', '距完成时限（2019-06-30）还有3天']);
  });
});

describe("validating an organisation's reporting rule", () => {
  it('defaults to monthly by the 5th, and a kind without a day takes the 5th', () => {
    expect(parseWindowRule(undefined)).toEqual({ ok: true, rule: { kind: 'monthly', dueDay: 5 } });
    expect(parseWindowRule({ kind: 'quarterly' })).toEqual({ ok: true, rule: { kind: 'quarterly', dueDay: 5 } });
  });
  it('says what is wrong', () => {
    const bad = parseWindowRule({ kind: 'monthly', dueDay: 32 });
    expect(bad.ok).toBe(false);
    const custom = parseWindowRule({ kind: 'custom', periods: [{ period: 'H1', start: '2019-01-01', end: '2019-06-30', due: '2019-06-01' }] });
    expect(custom.ok === false && custom.errors.join()).toMatch(/start ≤ end ≤ due/);
    expect(parseWindowRule({ kind: 'weekly' }).ok).toBe(false);
  });
});
