import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../store/stores.ts';
import { Client, makeClient, makeWorkspace, type Session, type Workspace } from './harness.ts';

const seeds = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));
const seed = (name: string) => readFileSync(seeds + name);

function upload(name: string, bytes: Uint8Array, fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new File([Buffer.from(bytes)], name));
  return form;
}

describeStores('document import, dashboard, reconciliation, disclosure', (db) => {
  let client: Client;
  let ws: Workspace;
  let admin: Session;
  let notice: any;
  beforeAll(async () => {
    ws = await makeWorkspace(db());
    client = makeClient(db());
    admin = await client.login('admin');
    const res = await client.call('POST', '/api/documents', { as: admin, form: upload('001_99404d979ec21c9c.txt', seed('001_99404d979ec21c9c.txt'), { organisationId: String(ws.cityId) }) });
    notice = res.body;
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }, 60_000);

  it('imports a breakdown notice with its tasks and assignments', async () => {
    expect(notice).toMatchObject({ kind: 'notice', year: 2019 });
    expect(notice.tasks).toBeGreaterThan(150);
    expect(notice.assignments).toBeGreaterThan(150);
    const first = await client.call('GET', `/api/tasks?planId=${notice.planId}&kind=task&limit=1`, { as: admin });
    expect(first.body.items[0].text).toContain('地区生产总值增长6.8%左右');
    expect(first.body.items[0].assignment.leadUnits[0].name).toBe('市发改委');
    const doc = await client.call('GET', `/api/documents/${notice.documentId}`, { as: admin });
    expect(doc.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const content = await client.app.request(`/api/documents/${notice.documentId}/content`, { headers: { cookie: admin.cookie } });
    expect(Buffer.from(await content.arrayBuffer()).equals(seed('001_99404d979ec21c9c.txt'))).toBe(true);
  });

  it('turns district quotas into sub-tasks of their livelihood project', async () => {
    const projects = await client.call('GET', `/api/tasks?planId=${notice.planId}&kind=project`, { as: admin });
    expect(projects.body.total).toBeGreaterThan(5);
    const subs = await client.call('GET', `/api/tasks?planId=${notice.planId}&kind=subtask&limit=5000`, { as: admin });
    expect(subs.body.total).toBeGreaterThan(10);
    expect(subs.body.items.every((t: { districtId: number | null }) => t.districtId !== null)).toBe(true);
  });

  it('refuses an unreadable file and leaves nothing behind', async () => {
    const before = (await db().query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0].n;
    const res = await client.call('POST', '/api/documents', { as: admin, form: upload('empty.txt', new Uint8Array(), { organisationId: String(ws.cityId) }) });
    expect(res.status).toBe(400);
    expect((await db().query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0].n).toBe(before);
  });

  it('lets only the office import', async () => {
    const unitA = await client.login('unitA');
    const res = await client.call('POST', '/api/documents', { as: unitA, form: upload('x.txt', new TextEncoder().encode('增长6%'), { organisationId: String(ws.cityId) }) });
    expect(res.status).toBe(403);
  });

  it('rolls the plan up by status, section, unit, leader and district', async () => {
    const res = await client.call('GET', `/api/dashboard?planId=${ws.planId}`, { as: admin });
    expect(res.status).toBe(200);
    expect(res.body.rollUp.plan.total).toBe(3);
    expect(res.body.rollUp.units.map((u: { unit: string }) => u.unit)).toEqual(expect.arrayContaining(['市发改委', '市科技局']));
    expect(res.body.rollUp.scopes[0].key).toBe('鄞州区');
    expect(res.body.expectedPercent).toBeGreaterThan(49);
    const big = await client.call('GET', `/api/dashboard?planId=${notice.planId}`, { as: admin });
    expect(big.body.rollUp.plan.total).toBeGreaterThan(150);
    expect(big.body.rollUp.plan.counts.overdue).toBe(big.body.rollUp.plan.total);
  });

  it('judges targets against actuals entered by hand', async () => {
    await db().query(`UPDATE tasks SET targets = '[{"indicator":"地区生产总值","measure":"growth","direction":"up","value":6.8,"unit":"%","cmp":"approx"}]' WHERE id = $1`, [ws.taskA]);
    const added = await client.call('POST', `/api/tasks/${ws.taskA}/actuals`, { as: admin, body: { value: 6.8, period: '2020', text: '增长6.8%' } });
    expect(added.status).toBe(201);
    expect(added.body.verdict).toBe('met');
    const rec = await client.call('GET', `/api/plans/${ws.planId}/reconciliation`, { as: admin });
    expect(rec.body.items[0].judgement.verdict).toBe('met');
    expect(rec.body.keeping.plan[0]).toMatchObject({ met: 1, rate: 1 });
  });

  it('files a district\'s half-year figures as progress on the city\'s matching targets', async () => {
    const text = '鄞州区2020年上半年政府工作报告\n\n一、上半年工作回顾\n\n上半年,全区实现地区生产总值增长5.1%,城镇登记失业率为2.1%。\n\n二、下半年工作安排\n\n确保完成全年目标。\n';
    const res = await client.call('POST', '/api/documents', { as: admin, form: upload('h1.txt', new TextEncoder().encode(text), { organisationId: String(ws.yinzhouId) }) });
    expect(res.body).toMatchObject({ kind: 'half-year', year: 2020, progressReports: 1 });
    const reports = await client.call('GET', `/api/tasks/${ws.taskA}/reports`, { as: admin });
    expect(reports.body.items[0]).toMatchObject({ period: '2020-H1', value: 5.1, status: 'accepted' });
    expect(reports.body.items[0].narrative).toContain('鄞州区');
  });

  it('discloses published tasks without login, and nothing of a draft plan', async () => {
    const plans = await client.call('GET', '/api/public/plans');
    expect(plans.body.items.map((p: { id: number }) => p.id)).toEqual([ws.planId]);
    const tasks = await client.call('GET', `/api/public/plans/${ws.planId}/tasks?livelihood=true`);
    expect(tasks.body.items.map((t: { id: number }) => t.id)).toEqual([ws.taskB, ws.subtaskA]);
    expect(JSON.stringify(tasks.body)).not.toContain('personInCharge');
    const draft = await client.call('GET', `/api/public/plans/${notice.planId}/tasks`);
    expect(draft.body.items).toEqual([]);
  });

  it('keeps an audit trail the office can read', async () => {
    const res = await client.call('GET', '/api/audit?entity=document', { as: admin });
    expect(res.body.items.find((a: { action: string }) => a.action === 'document.import')).toMatchObject({ username: 'admin' });
    expect(res.body.items.map((a: { action: string }) => a.action)).toContain('actual.import');
    const unitA = await client.login('unitA');
    expect((await client.call('GET', '/api/audit', { as: unitA })).status).toBe(403);
  });
  it('suggests a lead unit, co-units and a leader for a report\'s tasks, learnt from the notice, without assigning', async () => {
    const res = await client.call('POST', '/api/documents', { as: admin, form: upload('000_7841c49be735524f.txt', seed('000_7841c49be735524f.txt'), { organisationId: String(ws.cityId) }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'report', year: 2020, assignments: 0 });
    const listed = await client.call('GET', `/api/tasks?planId=${res.body.planId}&kind=target&limit=1000`, { as: admin });
    // The workspace's own 2020 plan already holds assigned tasks; look at this document's.
    const tasks = { body: { items: listed.body.items.filter((t: any) => t.documentId === res.body.documentId) } };
    expect(tasks.body.items.length).toBeGreaterThan(50);
    const suggested = tasks.body.items.filter((t: any) => t.suggestion?.leadUnits.length);
    expect(suggested.length).toBeGreaterThan(tasks.body.items.length * 0.8);
    expect(tasks.body.items.every((t: any) => t.assignment === null)).toBe(true);
    // Learnt from the 2019 notice already in the workspace: its units' names, with a reason each.
    const gdp = tasks.body.items.find((t: any) => /生产总值/.test(t.text));
    expect(gdp.suggestion.leadUnits[0]).toMatchObject({ name: '市发改委', reason: expect.any(String) });
    expect(suggested.some((t: any) => t.suggestion.leaders.length > 0)).toBe(true);
  });

  it('imports an .xlsx breakdown notice through the same route, with its assignments', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('任务分解');
    sheet.addRow(['序号', '工作任务', '牵头领导', '牵头单位', '配合单位', '完成时限']);
    sheet.addRow([1, '新建城市公园10个', '张三', '市住建局', '市自然资源局、市财政局', '2021年12月底']);
    sheet.addRow([2, '城镇新增就业12万人', '李四', '市人力社保局', '市财政局', '2021年12月底']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const res = await client.call('POST', '/api/documents', { as: admin, form: upload('分解表.xlsx', bytes, { organisationId: String(ws.cityId), year: '2021' }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'notice', year: 2021, assignments: 2 });
    const tasks = await client.call('GET', `/api/tasks?planId=${res.body.planId}&limit=10`, { as: admin });
    const park = tasks.body.items.find((t: any) => t.text.includes('城市公园'));
    expect(park.assignment.leadUnits.map((u: any) => u.name)).toEqual(['市住建局']);
    expect(park.assignment.coUnits.map((u: any) => u.name)).toEqual(['市自然资源局', '市财政局']);
    expect(park.assignment.leaderName).toBe('张三');
    const broken = await client.call('POST', '/api/documents', { as: admin, form: upload('坏.xlsx', new Uint8Array([1, 2, 3]), { organisationId: String(ws.cityId), year: '2021' }) });
    expect(broken.status).toBe(400);
  });
});
