import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { describeStores } from '../store/stores.ts';
import { Client, makeClient, makeWorkspace, type Session, type Workspace } from './harness.ts';

/** A short work report: a plan part with three targets under one heading, three under another. */
const REPORT = `2020年宁波市政府工作报告

一、2019年工作回顾

全市地区生产总值增长6.8%。

二、2020年主要目标任务

今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇登记失业率控制在3.5%以内，居民人均可支配收入增长7%。

三、重点工作

新建改建农村公路200公里。完成造林面积5万亩，新增停车位15000个。
`;

const count = async (db: Db, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0].n;

describeStores('the import wizard routes', (db) => {
  let client: Client;
  let ws: Workspace;
  let admin: Session, unitA: Session, viewer: Session;
  let documentId: number, planId: number;
  const tasksOfPlan = async () =>
    (await client.call('GET', `/api/tasks?planId=${planId}&limit=100`, { as: admin })).body.items as Array<Record<string, any>>;
  const byText = async (s: string) => (await tasksOfPlan()).find((t) => t.text.includes(s))!;

  beforeAll(async () => {
    ws = await makeWorkspace(db());
    client = makeClient(db());
    [admin, unitA, viewer] = await Promise.all(['admin', 'unitA', 'viewer'].map((u) => client.login(u)));
    const form = new FormData();
    form.set('organisationId', String(ws.cityId));
    form.set('year', '2021');
    form.set('kind', 'report');
    form.set('file', new File([REPORT], 'report.txt'));
    const res = await client.call('POST', '/api/documents', { as: admin, form });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    ({ documentId, planId } = res.body);
  }, 60_000);

  it('suggests lead units, co-units and leaders for every task, best first, with reasons', async () => {
    const res = await client.call('GET', `/api/plans/${planId}/suggestions`, { as: admin });
    expect(res.status).toBe(200);
    const tasks = (await tasksOfPlan()).filter((t) => t.kind !== 'section');
    expect(res.body.items.map((s: { taskId: number }) => s.taskId).sort()).toEqual(tasks.map((t) => t.id).sort());
    const gdp = res.body.items.find((s: { taskId: number }) => s.taskId === tasks.find((t) => t.text.includes('地区生产总值'))!.id);
    expect(gdp.units[0]).toMatchObject({ name: '市发改委' });
    expect(gdp.units[0].reason).toBeTruthy();
    for (const s of res.body.items) {
      const scores = s.units.map((u: { score: number }) => u.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(scores.every((x: number) => x >= 0 && x <= 1)).toBe(true);
    }
  });

  it('suggests afresh for tasks stored without suggestions, and only to the office and viewers', async () => {
    const res = await client.call('GET', `/api/plans/${ws.planId}/suggestions`, { as: viewer });
    const gdp = res.body.items.find((s: { taskId: number }) => s.taskId === ws.taskA);
    expect(gdp.units[0].name).toBe('市发改委');
    expect((await client.call('GET', `/api/plans/${ws.planId}/suggestions`, { as: unitA })).status).toBe(403);
    expect((await client.call('GET', '/api/plans/99999/suggestions', { as: admin })).status).toBe(404);
  });

  it('corrects a quantity: the extraction shows it, the original is kept, the task follows, the audit records it', async () => {
    const doc = (await client.call('GET', `/api/documents/${documentId}`, { as: admin })).body;
    const index = doc.extraction.quantities.findIndex((q: { indicator: string }) => q.indicator === '居民人均可支配收入');
    const path = `/api/documents/${documentId}/quantities/${index}`;
    expect((await client.call('PATCH', path, { as: unitA, body: { version: doc.version, value: 6.5 } })).status).toBe(403);
    expect((await client.call('PATCH', path, { as: admin, body: { version: doc.version, cmp: 'roughly' } })).status).toBe(400);
    expect((await client.call('PATCH', path, { as: admin, body: { value: 6.5 } })).status).toBe(428);
    const res = await client.call('PATCH', path, { as: admin, body: { version: doc.version, value: 6.5, cmp: 'ge' } });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(doc.version + 1);
    expect(res.body.extraction.quantities[index]).toMatchObject({ value: 6.5, cmp: 'ge', corrected: true, quote: '居民人均可支配收入增长7%' });
    expect(res.body.extraction.corrections).toHaveLength(1);
    expect(res.body.extraction.corrections[0].before).toMatchObject({ value: 7, cmp: 'eq' });
    const task = await byText('居民人均可支配收入');
    expect(task.targets).toEqual([expect.objectContaining({ indicator: '居民人均可支配收入', value: 6.5, cmp: 'ge' })]);
    expect(await count(db(), `SELECT count(*)::int AS n FROM audit_log WHERE action = 'document.correct_quantity' AND entity_id = $1`, [String(documentId)])).toBe(1);
    expect((await client.call('PATCH', path, { as: admin, body: { version: doc.version, value: 8 } })).status).toBe(409);
  });

  it('strikes a quantity out without losing it, and drops it from its task', async () => {
    const doc = (await client.call('GET', `/api/documents/${documentId}`, { as: admin })).body;
    const index = doc.extraction.quantities.findIndex((q: { indicator: string }) => q.indicator === '造林面积');
    const res = await client.call('PATCH', `/api/documents/${documentId}/quantities/${index}`, { as: admin, body: { version: doc.version, rejected: true } });
    expect(res.body.extraction.quantities[index]).toMatchObject({ indicator: '造林面积', value: 5, rejected: true });
    expect((await byText('造林面积')).targets).toEqual([]);
  });

  it('merges tasks of one section into one, archiving the originals', async () => {
    const gdp = await byText('地区生产总值增长6%');
    const jobs = await byText('城镇登记失业率');
    const stale = await client.call('POST', '/api/tasks/merge', { as: admin, body: { tasks: [{ id: gdp.id, version: gdp.version + 1 }, { id: jobs.id, version: jobs.version }] } });
    expect(stale.status).toBe(409);
    expect((await tasksOfPlan()).map((t) => t.id)).toContain(gdp.id);
    const roads = await byText('农村公路');
    expect((await client.call('POST', '/api/tasks/merge', { as: admin, body: { tasks: [{ id: gdp.id, version: gdp.version }, { id: roads.id, version: roads.version }] } })).status).toBe(400);
    const res = await client.call('POST', '/api/tasks/merge', { as: admin, body: { tasks: [{ id: jobs.id, version: jobs.version }, { id: gdp.id, version: gdp.version }] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ text: '地区生产总值增长6%左右；城镇登记失业率控制在3.5%以内', sectionId: gdp.sectionId, documentId, span: { start: gdp.span.start, end: jobs.span.end } });
    expect(res.body.targets.map((t: { indicator: string }) => t.indicator)).toEqual(['地区生产总值', '城镇登记失业率']);
    const ids = (await tasksOfPlan()).map((t) => t.id);
    expect(ids).not.toContain(gdp.id);
    expect(await count(db(), 'SELECT count(*)::int AS n FROM tasks WHERE id = ANY($1) AND archived_at IS NOT NULL', [[gdp.id, jobs.id]])).toBe(2);
    expect(await count(db(), `SELECT count(*)::int AS n FROM audit_log WHERE action = 'task.merge' AND entity_id = $1`, [String(res.body.id)])).toBe(1);
  });

  it('splits a task at an offset: the pieces keep the section, their span and their own figures', async () => {
    const merged = await byText('；城镇登记失业率');
    const at = merged.text.indexOf('城镇');
    expect((await client.call('POST', `/api/tasks/${merged.id}/split`, { as: unitA, body: { version: merged.version, at } })).status).toBe(404);
    expect((await client.call('POST', `/api/tasks/${merged.id}/split`, { as: admin, body: { version: merged.version, at: 999 } })).status).toBe(400);
    const res = await client.call('POST', `/api/tasks/${merged.id}/split`, { as: admin, body: { version: merged.version, at } });
    expect(res.status).toBe(200);
    const [a, b] = res.body.items;
    expect(a).toMatchObject({ text: '地区生产总值增长6%左右；', sectionId: merged.sectionId, span: { start: merged.span.start, end: merged.span.start + at } });
    expect(b).toMatchObject({ text: '城镇登记失业率控制在3.5%以内', span: { start: merged.span.start + at, end: merged.span.end } });
    expect(a.targets.map((t: { indicator: string }) => t.indicator)).toEqual(['地区生产总值']);
    expect(b.targets.map((t: { indicator: string }) => t.indicator)).toEqual(['城镇登记失业率']);
    expect(await count(db(), 'SELECT count(*)::int AS n FROM tasks WHERE id = $1 AND archived_at IS NOT NULL', [merged.id])).toBe(1);
    expect((await client.call('POST', `/api/tasks/${merged.id}/split`, { as: admin, body: { version: merged.version, at } })).status).toBe(404);
  });

  it('publishes the plan and all its tasks in one go, version-checked', async () => {
    const plan = (await client.call('GET', `/api/plans/${planId}`, { as: admin })).body;
    expect(plan.status).toBe('draft');
    expect((await client.call('POST', `/api/plans/${planId}/publish`, { as: unitA, body: { version: plan.version } })).status).toBe(403);
    expect((await client.call('POST', `/api/plans/${planId}/publish`, { as: admin, body: { version: plan.version + 5 } })).status).toBe(409);
    const res = await client.call('POST', `/api/plans/${planId}/publish`, { as: admin, body: { version: plan.version } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'published', version: plan.version + 1 });
    expect((await tasksOfPlan()).every((t) => t.published)).toBe(true);
    expect(await count(db(), `SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.publish' AND entity_id = $1`, [String(planId)])).toBe(1);
    const pub = await client.call('GET', `/api/public/plans/${planId}/tasks`, {});
    expect(pub.body.items.length).toBeGreaterThan(0);
  });

  it('lists the new routes in the OpenAPI document', async () => {
    const doc = (await client.call('GET', '/api/openapi.json', {})).body;
    for (const p of ['/api/plans/{id}/suggestions', '/api/documents/{id}/quantities/{index}', '/api/tasks/{id}/split', '/api/tasks/merge', '/api/plans/{id}/publish', '/api/reports']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
