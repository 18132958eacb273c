import { describe, expect, it } from 'vitest';
import type { StatusEntry } from '../../src/track/escalation.ts';
import { escalation } from '../../src/track/escalation.ts';

const history = (...levels: StatusEntry['level'][]): StatusEntry[] =>
  levels.map((level, i) => ({ date: `2019-${String(i + 1).padStart(2, '0')}-05`, level }));

describe('escalation over a status history', () => {
  it('one yellow is a reminder only', () => {
    expect(escalation(history('ok', 'warning'))).toEqual({ warnings: 1, alerts: 0, letter: false, talk: false });
  });
  it('two yellows in a row bring a formal supervision letter (督办单)', () => {
    expect(escalation(history('ok', 'warning', 'warning')).letter).toBe(true);
  });
  it('three reds in a row bring a talk with the leader', () => {
    expect(escalation(history('warning', 'alert', 'alert', 'alert'))).toEqual({ warnings: 1, alerts: 3, letter: true, talk: true });
  });
  it('a month in the clear starts the count again', () => {
    expect(escalation(history('alert', 'alert', 'ok', 'alert'))).toMatchObject({ alerts: 1, talk: false, letter: false });
  });
  it('reads the history in date order, whatever order it comes in', () => {
    expect(escalation([...history('ok', 'warning', 'warning')].reverse()).letter).toBe(true);
  });
  it('follows an organisation\'s thresholds', () => {
    expect(escalation(history('warning'), { escalation: { letterAfter: 1, talkAfter: 2 } }).letter).toBe(true);
  });
});
