import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../store/stores.ts';
import { Client, makeClient, makeWorkspace, type Session, type Workspace } from './harness.ts';

const auditCount = async (db: import('../../src/store/db.ts').Db, action: string) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action])).rows[0].n;

describeStores('roles, concurrency and the progress workflow', (db) => {
  let client: Client;
  let ws: Workspace;
  let admin: Session, unitA: Session, unitB: Session, leader1: Session, viewer: Session;
  beforeAll(async () => {
    ws = await makeWorkspace(db());
    client = makeClient(db());
    [admin, unitA, unitB, leader1, viewer] = await Promise.all(
      ['admin', 'unitA', 'unitB', 'leader1', 'viewer'].map((u) => client.login(u)));
  });

  it('shows a unit only the tasks of its own unit, lead or co-unit', async () => {
    const a = await client.call('GET', '/api/tasks', { as: unitA });
    expect(a.body.items.map((t: { id: number }) => t.id)).toEqual([ws.taskA]);
    const b = await client.call('GET', '/api/tasks', { as: unitB });
    // unit B is co-unit of A, lead of B, and inherits B's district sub-task
    expect(b.body.items.map((t: { id: number }) => t.id).sort()).toEqual([ws.taskA, ws.taskB, ws.subtaskA].sort());
    const all = await client.call('GET', '/api/tasks', { as: viewer });
    expect(all.body.total).toBe(4);
  });

  it('hides another unit\'s task (404) and refuses changes to it', async () => {
    expect((await client.call('GET', `/api/tasks/${ws.taskB}`, { as: unitA })).status).toBe(404);
    const form = new FormData();
    form.set('period', '2020-06');
    form.set('percent', '50');
    expect((await client.call('POST', `/api/tasks/${ws.taskB}/reports`, { as: unitA, form })).status).toBe(404);
    expect((await client.call('PATCH', `/api/tasks/${ws.taskA}`, { as: unitA, body: { version: 1, text: '改' } })).status).toBe(403);
    expect((await client.call('GET', `/api/tasks/${ws.taskA}/comments`, { as: unitA })).status).toBe(200);
  });

  it('shows a leader the portfolio in their charge only', async () => {
    const res = await client.call('GET', '/api/tasks', { as: leader1 });
    expect(res.body.items.map((t: { id: number }) => t.id)).toEqual([ws.taskA]);
    expect(res.body.items[0].abilities).toMatchObject({ read: true, update: false, report: false });
  });

  it('filters tasks by unit, leader, district, kind and Chinese substring', async () => {
    const q = (s: string) => client.call('GET', `/api/tasks?${s}`, { as: admin }).then((r) => r.body.items.map((t: { id: number }) => t.id));
    expect(await q(`unitId=${ws.unitA}`)).toEqual([ws.taskA]);
    expect(await q(`leaderId=${ws.leader2}`)).toEqual([ws.taskB, ws.subtaskA]);
    expect(await q(`districtId=${ws.yinzhouId}`)).toEqual([ws.subtaskA]);
    expect(await q('kind=project')).toEqual([ws.taskB]);
    expect(await q(`q=${encodeURIComponent('生产总值')}`)).toEqual([ws.taskA]);
    expect(await q(`q=${encodeURIComponent("%' OR 1=1 --")}`)).toEqual([]);
    expect(await q(`sectionId=${ws.sectionId}&livelihood=true`)).toEqual([ws.taskB, ws.subtaskA]);
  });

  it('refuses a stale version with 409 and keeps the newer write', async () => {
    const first = await client.call('PATCH', `/api/tasks/${ws.taskA}`, { as: admin, body: { version: 1, deadline: '2020-12-31' } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await client.call('PATCH', `/api/tasks/${ws.taskA}`, { as: admin, body: { version: 1, deadline: '2020-09-30' } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    const viaIfMatch = await client.call('PATCH', `/api/tasks/${ws.taskA}`, { as: admin, body: { text: '地区生产总值增长6.8%左右。' }, headers: { 'if-match': '"2"' } });
    expect(viaIfMatch.status).toBe(200);
    const now = await client.call('GET', `/api/tasks/${ws.taskA}`, { as: admin });
    expect(now.body).toMatchObject({ deadline: '2020-12-31', text: '地区生产总值增长6.8%左右。', version: 3 });
    expect(now.headers.get('etag')).toBe('"3"');
    expect((await client.call('PATCH', `/api/tasks/${ws.taskA}`, { as: admin, body: { text: 'x' } })).status).toBe(428);
    expect(await auditCount(db(), 'task.update')).toBe(2);
  });

  it('runs submit → return with reason → resubmit → accept, updating status and audit', async () => {
    const form = new FormData();
    form.set('period', '2020-06');
    form.set('value', '6.1');
    form.set('percent', '20');
    form.set('narrative', '上半年增长6.1%');
    form.append('file', new File([new Uint8Array([1, 2, 3])], '佐证.pdf', { type: 'application/pdf' }));
    const sub = await client.call('POST', `/api/tasks/${ws.taskA}/reports`, { as: unitA, form });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ status: 'submitted', percent: 20, unitId: ws.unitA });
    expect(sub.body.evidence[0]).toMatchObject({ name: '佐证.pdf', size: 3 });

    // unit A may not review its own report; nobody returns without a reason
    expect((await client.call('POST', `/api/reports/${sub.body.id}/accept`, { as: unitA, body: { version: 1 } })).status).toBe(403);
    expect((await client.call('POST', `/api/reports/${sub.body.id}/return`, { as: admin, body: { version: 1, reason: '' } })).status).toBe(400);
    const ret = await client.call('POST', `/api/reports/${sub.body.id}/return`, { as: admin, body: { version: 1, reason: '缺少佐证' } });
    expect(ret.body).toMatchObject({ status: 'returned', reason: '缺少佐证' });
    expect((await client.call('POST', `/api/reports/${sub.body.id}/accept`, { as: admin, body: { version: 2 } })).status).toBe(403);

    const again = new FormData();
    again.set('period', '2020-06');
    again.set('percent', '45');
    const sub2 = await client.call('POST', `/api/tasks/${ws.taskA}/reports`, { as: unitA, form: again });
    const acc = await client.call('POST', `/api/reports/${sub2.body.id}/accept`, { as: admin, body: { version: 1 } });
    expect(acc.body.status).toBe('accepted');
    const task = await client.call('GET', `/api/tasks/${ws.taskA}`, { as: unitA });
    expect(task.body.actualPercent).toBe(45);
    // 30 June: expected ≈ 49.6%, 45% is within 10 points
    expect(task.body.status).toBe('on_track');
    const history = await client.call('GET', `/api/tasks/${ws.taskA}/history`, { as: unitA });
    expect(history.body.items.at(-1)).toMatchObject({ status: 'on_track' });
    const reports = await client.call('GET', `/api/tasks/${ws.taskA}/reports`, { as: unitB });
    expect(reports.body.items).toHaveLength(2);
    expect(await auditCount(db(), 'report.submit')).toBe(2);
    expect(await auditCount(db(), 'report.return')).toBe(1);
    expect(await auditCount(db(), 'report.accept')).toBe(1);
    expect(await auditCount(db(), 'evidence.create')).toBe(1);

    const file = await client.call('GET', `/api/evidence/${sub.body.evidence[0].id}`, { as: unitB });
    expect(file.status).toBe(200);
    expect((await client.call('GET', `/api/evidence/${sub.body.evidence[0].id}`, { as: leader1 })).status).toBe(200);
  });

  it('closes a task only with evidence and only by the office', async () => {
    const t = await client.call('GET', `/api/tasks/${ws.taskB}`, { as: admin });
    expect((await client.call('POST', `/api/tasks/${ws.taskB}/close`, { as: unitB, body: { version: t.body.version } })).status).toBe(403);
    expect((await client.call('POST', `/api/tasks/${ws.taskB}/close`, { as: admin, body: { version: t.body.version } })).status).toBe(422);
    const form = new FormData();
    form.append('file', new File(['验收报告'], '验收.txt'));
    expect((await client.call('POST', `/api/tasks/${ws.taskB}/evidence`, { as: admin, form })).status).toBe(201);
    const closed = await client.call('POST', `/api/tasks/${ws.taskB}/close`, { as: admin, body: { version: t.body.version, note: '完成一项,销号一项' } });
    expect(closed.body.status).toBe('closed');
    expect(await auditCount(db(), 'task.close')).toBe(1);
  });

  it('assigns in bulk, all or nothing', async () => {
    const list = await client.call('GET', '/api/tasks?kind=target', { as: admin });
    const a = list.body.items[0];
    const stale = await client.call('POST', '/api/tasks/bulk-assign', {
      as: admin, body: { tasks: [{ id: ws.subtaskA, assignmentVersion: null }, { id: a.id, assignmentVersion: 99 }], personInCharge: '王五' },
    });
    expect(stale.status).toBe(409);
    const sub = await client.call('GET', `/api/tasks/${ws.subtaskA}`, { as: admin });
    expect(sub.body.assignment.personInCharge).toBe('');
    const ok = await client.call('POST', '/api/tasks/bulk-assign', {
      as: admin, body: { tasks: [{ id: ws.subtaskA, assignmentVersion: null }, { id: a.id, assignmentVersion: a.assignment.version }], personInCharge: '王五', leadUnitId: ws.unitA },
    });
    expect(ok.body.assigned).toBe(2);
    expect((await client.call('GET', `/api/tasks/${ws.subtaskA}`, { as: unitA })).body.assignment.personInCharge).toBe('王五');
  });

  it('lets only the office manage accounts, hashing the new password', async () => {
    const body = { username: 'unitC', password: 'another secret', role: 'unit', unitId: ws.unitB };
    expect((await client.call('POST', '/api/users', { as: unitA, body })).status).toBe(403);
    const created = await client.call('POST', '/api/users', { as: admin, body });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    expect((await client.call('POST', '/api/users', { as: admin, body })).status).toBe(409);
  });
});
