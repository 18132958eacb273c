import { describe, expect, it } from 'vitest';
import { assessTask } from '../../src/track/assess.ts';
import { target } from './factories.ts';

const parking = target({ indicator: '停车位', measure: 'delta', value: 15000, unit: '个', cmp: 'eq' });
const jobless = target({ indicator: '城镇登记失业率', measure: 'level', value: 3.5, cmp: 'le' });

describe('assessing a task on a date, from its reports', () => {
  const reports = [
    { date: '2019-04-05', state: 'accepted' as const, value: 2000, unit: '个' },
    { date: '2019-07-05', state: 'accepted' as const, value: 4000, unit: '个' },
    { date: '2019-08-05', state: 'submitted' as const, value: 9000, unit: '个' },
  ];
  it('on 10 July, 4,000 of 15,000 spaces (26.7%) against 52.3% time-elapsed: 25.7 points behind, yellow', () => {
    const a = assessTask({ schedule: { year: 2019 }, target: parking, reports }, '2019-07-10');
    expect(a).toMatchObject({ status: 'behind', colour: 'yellow', reportDate: '2019-07-05' });
    expect(a.gap).toBeCloseTo(25.7, 1);
    expect(a.reasons[0].zh).toBe('落后序时进度25.7个百分点');
  });
  it('looks only at reports known on the day: on 1 May the April report counts', () => {
    const a = assessTask({ schedule: { year: 2019 }, target: parking, reports }, '2019-05-01');
    expect(a.reportDate).toBe('2019-04-05');
    expect(a.actual?.percent).toBeCloseTo(13.3, 1);
  });
  it('a ceiling held is on track all year, whatever the calendar says', () => {
    const a = assessTask({ schedule: { year: 2019 }, target: jobless, reports: [{ date: '2019-07-05', state: 'accepted', value: 3.1, unit: '%' }] }, '2019-07-10');
    expect(a).toMatchObject({ status: 'on_track', colour: 'green', actual: { basis: 'state', withinTarget: true } });
  });
});
