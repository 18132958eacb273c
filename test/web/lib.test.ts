import { describe, expect, it } from 'vitest';
import type { Plan, ProgressReport, Quantity, Task } from '../../web/src/api/types.ts';
import { highlightPieces, splitPoints } from '../../web/src/lib/highlight.ts';
import { defaultPlan } from '../../web/src/lib/plan.ts';
import { lagColour, periodEndMonth, progressSeries, slowestFirst } from '../../web/src/lib/progress.ts';
import { colourOf, matchesText } from '../../web/src/lib/task.ts';

// The web app's pure helpers, read as examples of what a screen shows.

const plan = (id: number, year: number, status: Plan['status']): Plan => ({ id, organisationId: 1, year, title: `${year}`, status, version: 1 });

describe('defaultPlan', () => {
  const plans = [plan(1, 2019, 'published'), plan(2, 2020, 'published'), plan(3, 2021, 'draft')];

  it('opens the plan named in the address', () => {
    expect(defaultPlan(plans, '3')?.id).toBe(3);
  });

  it('else the latest published plan, not a newer draft', () => {
    expect(defaultPlan(plans)?.id).toBe(2);
    expect(defaultPlan(plans, '99')?.id).toBe(2);
  });

  it('else the latest plan, and nothing when there is none', () => {
    expect(defaultPlan([plan(4, 2020, 'draft'), plan(5, 2022, 'draft')])?.id).toBe(5);
    expect(defaultPlan([])).toBeUndefined();
  });
});

describe('progress', () => {
  it('reads the last month a reporting period covers', () => {
    expect(periodEndMonth('2020-06')).toBe('2020-06');
    expect(periodEndMonth('2020-Q3')).toBe('2020-09');
    expect(periodEndMonth('2020-H1')).toBe('2020-06');
    expect(periodEndMonth('2020')).toBe('2020-12');
  });

  it('draws expected progress linearly and actual progress stepping at each accepted report', () => {
    const report = (period: string, percent: number, status: ProgressReport['status']) => ({ period, percent, status }) as ProgressReport;
    const series = progressSeries({ startsOn: null, deadline: '2020-06-30' }, [
      report('2020-02', 20, 'accepted'), report('2020-04', 90, 'returned'), report('2020-Q2', 60, 'accepted'),
    ], 2020);
    expect(series.map((p) => p.month)).toEqual(['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06']);
    expect(series.map((p) => p.expected)).toEqual([16.7, 33.3, 50, 66.7, 83.3, 100]);
    expect(series.map((p) => p.actual)).toEqual([null, 20, 20, 20, 20, 60]);
  });

  it('colours a group by how far it is behind time-elapsed progress', () => {
    expect(lagColour(45, 50)).toBe('green');
    expect(lagColour(35, 50)).toBe('yellow');
    expect(lagColour(15, 50)).toBe('red');
  });

  it('lists groups furthest behind first, with their progress rounded', () => {
    const group = (key: string, meanProgress: number | null) => ({ key, rollUp: { total: 3, meanProgress } });
    expect(slowestFirst([group('市发改委', 62.4), group('市经信局', 12.6), group('市财政局', null)]))
      .toEqual([{ name: '市财政局', total: 3, progress: 0 }, { name: '市经信局', total: 3, progress: 13 }, { name: '市发改委', total: 3, progress: 62 }]);
  });
});

describe('task helpers', () => {
  const task = { no: '12', text: '地区生产总值增长6.5%左右', districtName: '海曙区', assignment: { leadUnits: [{ id: 1, name: '市发改委' }], coUnits: [{ id: 2, name: '市统计局' }], leaderName: '张副市长' } } as unknown as Task;

  it('finds a task by any word of its text, units, leader or district; every word must match', () => {
    expect(matchesText(task, '生产总值')).toBe(true);
    expect(matchesText(task, '统计局 海曙')).toBe(true);
    expect(matchesText(task, '生产总值 财政局')).toBe(false);
  });

  it('reads both spellings of a status as its colour', () => {
    expect(colourOf({ status: 'seriously-behind' })).toBe('red');
    expect(colourOf({ status: 'on_track' })).toBe('green');
    expect(colourOf({ status: 'closed' })).toBe('blue');
  });
});

describe('highlight', () => {
  const q = (start: number, end: number) => ({ span: { start, end } }) as Quantity;

  it('cuts the text around each quantity, keeping the first of two overlapping spans', () => {
    const text = '增长6.5%左右，失业率3.5%以内';
    expect(highlightPieces(text, [q(12, 16), q(2, 6), q(3, 5)])).toEqual([
      { text: '增长' }, { text: '6.5%', index: 1 }, { text: '左右，失业率' }, { text: '3.5%', index: 0 }, { text: '以内' },
    ]);
  });

  it('ignores a span outside the text', () => {
    expect(highlightPieces('增长6%', [q(2, 40)])).toEqual([{ text: '增长6%' }]);
  });

  it('offers a split after each full stop or semicolon but the last character', () => {
    expect(splitPoints('一是稳增长。二是保就业；三是防风险。')).toEqual([6, 12]);
  });
});
