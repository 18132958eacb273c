import { describe, expect, it } from 'vitest';
import { addDays, dateIn, daysBetween, isIsoDate, lastDayOfMonth, toDayNumber } from '../../src/track/date.ts';

describe('dates are ISO day strings, counted in whole days', () => {
  it('counts the days of a year, leap or not', () => {
    expect(daysBetween('2019-01-01', '2019-12-31')).toBe(364);
    expect(daysBetween('2020-01-01', '2020-12-31')).toBe(365);
  });
  it('steps over month and year ends', () => {
    expect(addDays('2019-12-30', 3)).toBe('2020-01-02');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });
  it('clamps a day to the end of a short month and rolls month 13 into January', () => {
    expect(dateIn(2019, 4, 31)).toBe('2019-04-30');
    expect(dateIn(2019, 13, 5)).toBe('2020-01-05');
    expect(lastDayOfMonth(2019, 2)).toBe('2019-02-28');
  });
  it('refuses impossible dates', () => {
    expect(isIsoDate('2019-02-30')).toBe(false);
    expect(isIsoDate('2019-6-30')).toBe(false);
    expect(() => toDayNumber('30/06/2019')).toThrow(/ISO date/);
  });
});
