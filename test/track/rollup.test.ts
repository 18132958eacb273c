import { describe, expect, it } from 'vitest';
import type { TrackedTask } from '../../src/track/rollup.ts';
import { rollUp, rollUpByUnit, rollUpPlan } from '../../src/track/rollup.ts';
import { treeProgress } from '../../src/track/tree.ts';

const tasks: TrackedTask[] = [
  { id: '1', status: 'on_track', progress: 60, section: '一、稳增长', leadUnit: '市发改委', coUnits: ['市统计局'], leader: '张市长', weight: 2 },
  { id: '2', status: 'behind', progress: 30, section: '一、稳增长', leadUnit: '市经信局', coUnits: ['市发改委'], leader: '张市长' },
  { id: '3', status: 'seriously_behind', section: '二、惠民生', leadUnit: '市住建局', leader: '李副市长', scope: '海曙' },
  { id: '4', status: 'done', progress: 100, section: '二、惠民生', leadUnit: '市住建局', coUnits: ['市住建局'], leader: '李副市长', scope: '江北' },
];

describe('roll-up of status and progress', () => {
  it('counts the statuses of the whole plan and averages the progress that is known', () => {
    const plan = rollUp(tasks);
    expect(plan.total).toBe(4);
    expect(plan.counts).toMatchObject({ on_track: 1, behind: 1, seriously_behind: 1, done: 1, overdue: 0 });
    expect(plan.meanProgress).toBeCloseTo((60 + 30 + 100) / 3, 5);
    expect(plan.weightedProgress).toBeCloseTo((60 * 2 + 30 + 100) / 4, 5);
  });
  it('keeps a unit\'s led tasks apart from the tasks it supports', () => {
    const ndrc = rollUpByUnit(tasks).find((u) => u.unit === '市发改委')!;
    expect(ndrc.lead.total).toBe(1);
    expect(ndrc.co.total).toBe(1);
    expect(ndrc.co.counts.behind).toBe(1);
    expect(ndrc.all.total).toBe(2);
    // a unit listed as its own co-unit is counted once, as the lead
    const housing = rollUpByUnit(tasks).find((u) => u.unit === '市住建局')!;
    expect([housing.lead.total, housing.co.total, housing.all.total]).toEqual([2, 0, 2]);
  });
  it('rolls up by section, leader and district', () => {
    const r = rollUpPlan(tasks);
    expect(r.sections.map((g) => [g.key, g.rollUp.total])).toEqual([['一、稳增长', 2], ['二、惠民生', 2]]);
    expect(r.leaders.find((g) => g.key === '李副市长')?.rollUp.counts.done).toBe(1);
    expect(r.scopes.map((g) => g.key)).toEqual(['海曙', '江北']);
  });
  it('an empty group has no mean progress', () => {
    expect(rollUp([]).meanProgress).toBeNull();
  });
});

describe('task tree: a parent without its own report takes its children\'s progress', () => {
  const nodes = [
    { id: 'S', },
    { id: 'T', parentId: 'S' },
    { id: 'T.1', parentId: 'T', ownProgress: 80, weight: 3 },
    { id: 'T.2', parentId: 'T', ownProgress: 40 },
    { id: 'U', parentId: 'S', ownProgress: 10 },
    { id: 'V', parentId: 'S' },
  ];
  const p = treeProgress(nodes);
  it('weights the sub-tasks', () => {
    expect(p.get('T')).toEqual({ progress: 70, derived: true });
  });
  it('goes up the levels; a child that knows nothing counts as 0 beside siblings that do', () => {
    expect(p.get('S')?.progress).toBeCloseTo((70 + 10 + 0) / 3, 5);
    expect(p.get('V')).toEqual({ progress: undefined, derived: false });
  });
  it('a parent\'s own report wins over its children', () => {
    expect(treeProgress([{ id: 'P', ownProgress: 5 }, { id: 'C', parentId: 'P', ownProgress: 90 }]).get('P')).toEqual({ progress: 5, derived: false });
  });
  it('survives a loop in bad data', () => {
    const loop = treeProgress([{ id: 'A', parentId: 'B' }, { id: 'B', parentId: 'A' }, { id: 'C', parentId: 'A', ownProgress: 50 }]);
    expect(loop.get('A')?.progress).toBeCloseTo(25, 5);
  });
});
