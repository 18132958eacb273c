import { describe, expect, it } from 'vitest';
import { clockFrom, isoDay } from '../../src/server/today.ts';

describe('the workspace clock', () => {
  it('reads the calendar day in China (UTC+8)', () => {
    expect(isoDay(new Date('2020-06-30T15:59:00Z'))).toBe('2020-06-30');
    expect(isoDay(new Date('2020-06-30T16:00:00Z'))).toBe('2020-07-01');
  });

  it('starts on the day asked, at the present time of day, and then runs on', () => {
    let real = Date.parse('2026-12-05T02:30:00Z'); // 10:30 in China
    const now = clockFrom('2020-07-15', () => real);
    expect(now().toISOString()).toBe('2020-07-15T02:30:00.000Z');
    expect(isoDay(now())).toBe('2020-07-15');
    real += 14 * 3_600_000;
    expect(isoDay(now())).toBe('2020-07-16');
  });

  it('refuses what is not a day', () => {
    expect(() => clockFrom('2020-13-45')).toThrow(/not a day/);
    expect(() => clockFrom('15/07/2020')).toThrow(/not a day/);
  });
});
