// The workspace the authorization matrix runs on: the server tests' workspace (two units,
// two leaders, users of every role) plus one record of every kind a route can address, each
// belonging to unit B and leader 2, so "unit A" is always the outsider.
import type { Db } from '../../src/store/db.ts';
import { createUser } from '../../src/server/users.ts';
import { Client, makeWorkspace, PASSWORD, type Session, type Workspace } from '../server/harness.ts';

export type Role = 'nobody' | 'admin' | 'unitA' | 'unitB' | 'leader' | 'viewer' | 'adminNoCsrf' | 'adminStaleCsrf';
/** Admin last, so the denied roles try every change before the one allowed to make it. */
export const ROLES: Role[] = ['nobody', 'adminNoCsrf', 'adminStaleCsrf', 'unitA', 'unitB', 'leader', 'viewer', 'admin'];

export interface MatrixWorkspace extends Workspace {
  /** Unit B's task (lead unit B, leader 2), with a target. */
  taskOfB: number;
  /** Another task of unit B's, without evidence, to be closed. */
  taskOfB2: number;
  /** Unit A's own task (lead unit A, leader 1), nobody else's. */
  taskOfA: number;
  /** Unit B's tasks the office may split and merge (both archive their originals). */
  taskToSplit: number; tasksToMerge: [number, number];
  reportOfB: number; reportOfB2: number; evidenceOfB: number;
  reportOfA: number; evidenceOfA: number;
  documentId: number; actualId: number; notificationOfB: number; webhookId: number;
  spare: { organisation: number; plan: number; unit: number; leader: number; user: number };
  assignmentVersionOfB: number;
  sessions: Record<Exclude<Role, 'nobody'>, Session> & { nobody: undefined };
}

async function one(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  return (await db.query<{ id: number }>(sql + ' RETURNING id', params)).rows[0].id;
}

export function evidenceForm(fields: Record<string, string>, fileName = '验收材料.pdf', bytes = new Uint8Array([37, 80, 68, 70, 45])): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.append('files', new Blob([bytes], { type: 'application/pdf' }), fileName);
  return form;
}

async function submit(client: Client, as: Session, taskId: number, narrative: string): Promise<{ report: number; evidence: number }> {
  const r = await client.call('POST', `/api/tasks/${taskId}/reports`, { as, form: evidenceForm({ period: '2020-06', percent: '40', narrative }) });
  if (r.status !== 201) throw new Error(`seed report: ${r.status} ${JSON.stringify(r.body)}`);
  return { report: r.body.id, evidence: r.body.evidence[0].id };
}

export async function makeMatrixWorkspace(db: Db, client: Client): Promise<MatrixWorkspace> {
  const ws = await makeWorkspace(db);
  await db.transaction((tx) => createUser(tx, { username: 'leader2', password: PASSWORD, role: 'leader', leaderId: ws.leader2 }, null));
  const task = async (text: string, lead: number, leader: number, targets = '[]') => {
    const id = await one(db, `INSERT INTO tasks (plan_id, parent_id, kind, text, position, published, targets) VALUES ($1, $2, 'task', $3, 10, true, $4::jsonb)`,
      [ws.planId, ws.sectionId, text, targets]);
    const a = await one(db, 'INSERT INTO assignments (task_id, leader_id) VALUES ($1, $2)', [id, leader]);
    await db.query(`INSERT INTO assignment_units (assignment_id, unit_id, role) VALUES ($1, $2, 'lead')`, [a, lead]);
    return id;
  };
  const taskOfB = await task('研发投入增长15%以上', ws.unitB, ws.leader2, '[{"indicator":"研发投入","value":15,"unit":"%","comparator":"at_least"}]');
  const taskOfB2 = await task('新建5G基站3000个', ws.unitB, ws.leader2);
  const taskOfA = await task('新增城镇就业10万人', ws.unitA, ws.leader1);
  const taskToSplit = await task('新建公园10个，改造绿道50公里', ws.unitB, ws.leader2);
  const tasksToMerge: [number, number] = [await task('新增停车位5000个', ws.unitB, ws.leader2), await task('新增充电桩2000个', ws.unitB, ws.leader2)];

  const sessions = {
    admin: await client.login('admin'), adminNoCsrf: await client.login('admin'), unitA: await client.login('unitA'),
    unitB: await client.login('unitB'), leader: await client.login('leader2'), viewer: await client.login('viewer'),
  } as Record<string, Session>;
  // Stale: a token that was valid once, for an earlier session of the same user.
  const earlier = await client.login('admin');
  const current = await client.login('admin');
  sessions.adminStaleCsrf = { cookie: current.cookie, csrf: earlier.csrf };
  sessions.adminNoCsrf = { ...sessions.adminNoCsrf, csrf: '' };

  const b = await submit(client, sessions.unitB, taskOfB, '第一次报送');
  const b2 = await submit(client, sessions.unitB, taskOfB, '第二次报送');
  const a = await submit(client, sessions.unitA, taskOfA, '甲单位报送');
  const doc = await client.call('POST', '/api/documents', {
    as: sessions.admin,
    form: (() => {
      const f = new FormData();
      f.set('organisationId', String(ws.cityId));
      f.set('year', '2020');
      f.append('file', new Blob(['宁波市2020年政府工作报告\n\n一、主要目标\n\n地区生产总值增长6%左右。\n'], { type: 'text/plain' }), '报告.txt');
      return f;
    })(),
  });
  if (doc.status !== 201) throw new Error(`seed document: ${doc.status} ${JSON.stringify(doc.body)}`);
  const documentId = (await db.query<{ id: number }>('SELECT max(id) AS id FROM documents')).rows[0].id;
  const actualId = await one(db, `INSERT INTO actuals (task_id, target_index, value, source, confirmed) VALUES ($1, 0, 16, 'extraction', false)`, [taskOfB]);
  const notificationOfB = await one(db, `INSERT INTO notifications (unit_id, task_id, kind, message, dedupe_key) VALUES ($1, $2, 'due', '请报送', 'matrix-b')`, [ws.unitB, taskOfB]);
  const webhookId = await one(db, `INSERT INTO webhooks (organisation_id, url) VALUES ($1, 'https://example.org/hook')`, [ws.cityId]);
  const spare = {
    organisation: await one(db, `INSERT INTO organisations (name, kind) VALUES ('备用区', 'district')`),
    plan: await one(db, `INSERT INTO plans (organisation_id, year, title) VALUES ($1, 2021, '备用计划')`, [ws.cityId]),
    unit: await one(db, `INSERT INTO units (organisation_id, name) VALUES ($1, '备用单位')`, [ws.cityId]),
    leader: await one(db, `INSERT INTO leaders (organisation_id, name) VALUES ($1, '备用领导')`, [ws.cityId]),
    user: ((await db.transaction((tx) => createUser(tx, { username: 'spare', password: PASSWORD, role: 'viewer' }, null))).id as number),
  };
  const assignmentVersionOfB = (await db.query<{ version: number }>('SELECT version FROM assignments WHERE task_id = $1', [taskOfB])).rows[0].version;
  return {
    ...ws, taskOfB, taskOfB2, taskOfA, taskToSplit, tasksToMerge, reportOfB: b.report, reportOfB2: b2.report, evidenceOfB: b.evidence,
    reportOfA: a.report, evidenceOfA: a.evidence, documentId, actualId, notificationOfB, webhookId, spare, assignmentVersionOfB,
    sessions: { ...sessions, nobody: undefined } as MatrixWorkspace['sessions'],
  };
}
