import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../store/stores.ts';
import { Client, makeClient, makeWorkspace, type Session, type Workspace } from './harness.ts';

function report(period: string, percent: string): FormData {
  const form = new FormData();
  form.set('period', period);
  form.set('percent', percent);
  return form;
}

describeStores('the review queue: reports across tasks', (db) => {
  let client: Client;
  let ws: Workspace;
  let admin: Session, unitA: Session, unitB: Session, leader1: Session;
  let onA: number, onB: number;
  const list = async (as: Session, query = '') => {
    const res = await client.call('GET', `/api/reports${query}`, { as });
    expect(res.status).toBe(200);
    return res.body as { total: number; items: Array<Record<string, any>> };
  };

  beforeAll(async () => {
    ws = await makeWorkspace(db());
    client = makeClient(db());
    [admin, unitA, unitB, leader1] = await Promise.all(['admin', 'unitA', 'unitB', 'leader1'].map((u) => client.login(u)));
    onA = (await client.call('POST', `/api/tasks/${ws.taskA}/reports`, { as: unitA, form: report('2020-05', '40') })).body.id;
    onB = (await client.call('POST', `/api/tasks/${ws.taskB}/reports`, { as: unitB, form: report('2020-06', '50') })).body.id;
  });

  it('shows the office every report with its task\'s number and text, and what it may do', async () => {
    const all = await list(admin, '?status=submitted');
    expect(all.total).toBe(2);
    const a = all.items.find((r) => r.id === onA)!;
    expect(a).toMatchObject({ taskId: ws.taskA, taskNo: '1', taskText: '地区生产总值增长6.8%左右', unitName: '市发改委', status: 'submitted', abilities: { accept: true, return: true } });
    expect((await list(admin, `?unitId=${ws.unitB}`)).items.map((r) => r.id)).toEqual([onB]);
    expect((await list(admin, '?limit=1')).items).toHaveLength(1);
    expect((await list(admin, '?status=accepted')).items).toEqual([]);
    expect((await client.call('GET', '/api/reports?status=lost', { as: admin })).status).toBe(400);
  });

  it('shows a unit its own reports only, and a leader those of their portfolio', async () => {
    // unit B is a co-unit of task A: unit A's report there is not B's to see in the queue
    expect((await list(unitA)).items.map((r) => r.id)).toEqual([onA]);
    expect((await list(unitB)).items.map((r) => r.id)).toEqual([onB]);
    expect((await list(unitB)).items[0].abilities).toMatchObject({ accept: false });
    expect((await list(leader1)).items.map((r) => r.id)).toEqual([onA]);
  });

  it('follows the review: a returned report shows with its reason', async () => {
    const version = (await list(admin)).items.find((r) => r.id === onA)!.version;
    await client.call('POST', `/api/reports/${onA}/return`, { as: admin, body: { version, reason: '请补充佐证材料' } });
    expect((await list(unitA, '?status=returned')).items).toEqual([expect.objectContaining({ id: onA, reason: '请补充佐证材料' })]);
  });
});
