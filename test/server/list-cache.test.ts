import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../store/stores.ts';
import { Client, makeClient, makeWorkspace, type Session, type Workspace } from './harness.ts';

// The task list is kept in the read cache: these check that what it keeps never crosses
// users, never survives a write through the app, and can be bypassed.
describeStores('task list read cache', (db) => {
  let client: Client;
  let ws: Workspace;
  let admin: Session, unitA: Session, unitB: Session;
  const texts = (body: { items: Array<{ id: number; text: string }> }) => Object.fromEntries(body.items.map((t) => [t.id, t.text]));
  beforeAll(async () => {
    ws = await makeWorkspace(db(), '-cache');
    client = makeClient(db());
    [admin, unitA, unitB] = await Promise.all(['admin-cache', 'unitA-cache', 'unitB-cache'].map((u) => client.login(u)));
  });

  it('keeps one page per role and unit: the same query shows each unit its own tasks and abilities', async () => {
    const path = `/api/tasks?planId=${ws.planId}`;
    expect((await client.call('GET', path, { as: admin })).body.total).toBe(4);
    const a = await client.call('GET', path, { as: unitA });
    const b = await client.call('GET', path, { as: unitB });
    expect(a.body.items.map((t: { id: number }) => t.id)).toEqual([ws.taskA]);
    expect(b.body.items).toHaveLength(3);
    // unit A leads task A and may review its reports; unit B is only a co-unit there
    expect(a.body.items[0].abilities.review).toBe(true);
    expect(b.body.items.find((t: { id: number }) => t.id === ws.taskA).abilities.review).toBe(false);
  });

  it('shows a change made through the app at once', async () => {
    const path = `/api/tasks?planId=${ws.planId}`;
    const before = await client.call('GET', path, { as: admin });
    const task = before.body.items.find((t: { id: number }) => t.id === ws.taskA);
    const edit = await client.call('PATCH', `/api/tasks/${ws.taskA}`, { as: admin, body: { version: task.version, text: '地区生产总值增长7%左右' } });
    expect(edit.status).toBe(200);
    expect(texts((await client.call('GET', path, { as: admin })).body)[ws.taskA]).toBe('地区生产总值增长7%左右');
    expect(texts((await client.call('GET', path, { as: unitA })).body)[ws.taskA]).toBe('地区生产总值增长7%左右');
  });

  it('shows a submitted report in the dashboard at once, and its acceptance in the task list', async () => {
    const list = `/api/tasks?planId=${ws.planId}`;
    const dash = `/api/dashboard?planId=${ws.planId}`;
    const reportsIn = (body: { trend: Array<{ period: string; reports: number }> }) => body.trend.find((m) => m.period === '2020-05')?.reports ?? 0;
    const percentOf = (body: { items: Array<{ id: number; actualPercent: number | null }> }) => body.items.find((t) => t.id === ws.taskA)?.actualPercent;
    const dashboardBefore = reportsIn((await client.call('GET', dash, { as: admin })).body);
    await client.call('GET', list, { as: admin });
    const form = new FormData();
    form.set('period', '2020-05');
    form.set('percent', '37');
    const sub = await client.call('POST', `/api/tasks/${ws.taskA}/reports`, { as: unitA, form });
    expect(sub.status).toBe(201);
    // a report the office has not accepted counts in the trend, and changes no task
    expect(reportsIn((await client.call('GET', dash, { as: admin })).body)).toBe(dashboardBefore + 1);
    expect(percentOf((await client.call('GET', list, { as: admin })).body)).not.toBe(37);
    const acc = await client.call('POST', `/api/reports/${sub.body.id}/accept`, { as: admin, body: { version: sub.body.version } });
    expect(acc.status).toBe(200);
    expect(percentOf((await client.call('GET', list, { as: admin })).body)).toBe(37);
    expect(percentOf((await client.call('GET', list, { as: unitA })).body)).toBe(37);
  });

  it('answers Cache-Control: no-cache from the store, seeing a write made outside the app', async () => {
    const path = `/api/tasks?planId=${ws.planId}`;
    await client.call('GET', path, { as: admin });
    await db().query(`UPDATE tasks SET text = '由另一进程修改' WHERE id = $1`, [ws.taskB]);
    expect(texts((await client.call('GET', path, { as: admin })).body)[ws.taskB]).not.toBe('由另一进程修改');
    expect(texts((await client.call('GET', path, { as: admin, headers: { 'cache-control': 'no-cache' } })).body)[ws.taskB]).toBe('由另一进程修改');
    // the fresh answer is kept for the next reader
    expect(texts((await client.call('GET', path, { as: admin })).body)[ws.taskB]).toBe('由另一进程修改');
  });
});
