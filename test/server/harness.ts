import type { Hono } from 'hono';
import type { Db } from '../../src/store/db.ts';
import { createApp } from '../../src/server/app.ts';
import { RateLimiter } from '../../src/server/auth/rate-limit.ts';
import { setAssignment } from '../../src/server/assignment.ts';
import { createUser } from '../../src/server/users.ts';

/** The fixed clock of the server tests: 30 June 2020, noon in Ningbo. */
export const NOW = new Date('2020-06-30T04:00:00Z');
export const PASSWORD = 'correct horse 马';

export interface Workspace {
  cityId: number; yinzhouId: number; beilunId: number; planId: number;
  unitA: number; unitB: number; leader1: number; leader2: number;
  sectionId: number; taskA: number; taskB: number; subtaskA: number;
}

async function one(db: Db, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query<{ id: number }>(sql + ' RETURNING id', params);
  return rows[0].id;
}

/** A small workspace: a city with two districts, two units, two leaders, one task each, users of every role. */
export async function makeWorkspace(db: Db, tag = ''): Promise<Workspace> {
  const cityId = await one(db, `INSERT INTO organisations (name, kind) VALUES ($1, 'city')`, [`宁波市${tag}`]);
  const yinzhouId = await one(db, `INSERT INTO organisations (name, kind, parent_id) VALUES ($1, 'district', $2)`, [`鄞州区${tag}`, cityId]);
  const beilunId = await one(db, `INSERT INTO organisations (name, kind, parent_id) VALUES ($1, 'district', $2)`, [`北仑区${tag}`, cityId]);
  const planId = await one(db, `INSERT INTO plans (organisation_id, year, title, status) VALUES ($1, 2020, '2020年政府工作报告', 'published')`, [cityId]);
  const unitA = await one(db, `INSERT INTO units (organisation_id, name) VALUES ($1, '市发改委')`, [cityId]);
  const unitB = await one(db, `INSERT INTO units (organisation_id, name) VALUES ($1, '市科技局')`, [cityId]);
  const leader1 = await one(db, `INSERT INTO leaders (organisation_id, name, title) VALUES ($1, '张三', '市长')`, [cityId]);
  const leader2 = await one(db, `INSERT INTO leaders (organisation_id, name, title) VALUES ($1, '李四', '副市长')`, [cityId]);
  const sectionId = await one(db, `INSERT INTO tasks (plan_id, kind, text, position, published) VALUES ($1, 'section', '一、主要目标', 1, true)`, [planId]);
  const taskA = await one(db, `INSERT INTO tasks (plan_id, parent_id, kind, no, text, position, published, targets)
    VALUES ($1, $2, 'target', '1', '地区生产总值增长6.8%左右', 2, true, '[{"indicator":"地区生产总值","value":6.8,"unit":"%","comparator":"about"}]')`, [planId, sectionId]);
  const taskB = await one(db, `INSERT INTO tasks (plan_id, parent_id, kind, no, text, position, published, livelihood)
    VALUES ($1, $2, 'project', '2', '新增停车位15000个', 3, true, true)`, [planId, sectionId]);
  const subtaskA = await one(db, `INSERT INTO tasks (plan_id, parent_id, kind, text, position, district_id, published, livelihood)
    VALUES ($1, $2, 'subtask', '鄞州区 5000个', 4, $3, true, true)`, [planId, taskB, yinzhouId]);
  await db.transaction(async (tx) => {
    await setAssignment(tx, null, taskA, { leadUnitId: unitA, coUnitIds: [unitB], leaderId: leader1 }, null);
    await setAssignment(tx, null, taskB, { leadUnitId: unitB, leaderId: leader2 }, null);
    await createUser(tx, { username: `admin${tag}`, password: PASSWORD, role: 'admin' }, null);
    await createUser(tx, { username: `unitA${tag}`, password: PASSWORD, role: 'unit', unitId: unitA }, null);
    await createUser(tx, { username: `unitB${tag}`, password: PASSWORD, role: 'unit', unitId: unitB }, null);
    await createUser(tx, { username: `leader1${tag}`, password: PASSWORD, role: 'leader', leaderId: leader1 }, null);
    await createUser(tx, { username: `viewer${tag}`, password: PASSWORD, role: 'viewer' }, null);
  });
  return { cityId, yinzhouId, beilunId, planId, unitA, unitB, leader1, leader2, sectionId, taskA, taskB, subtaskA };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface CallOptions {
  as?: Session;
  body?: unknown;
  form?: FormData;
  /** Send the session's CSRF token (default true). */
  csrf?: boolean;
  headers?: Record<string, string>;
}

export class Client {
  constructor(readonly app: Hono) {}

  async call(method: string, path: string, o: CallOptions = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.as) headers.cookie = o.as.cookie;
    if (o.as && o.csrf !== false) headers['x-csrf-token'] = o.as.csrf;
    let body: BodyInit | undefined;
    if (o.form) body = o.form;
    else if (o.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    const res = await this.app.request(path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  async login(username: string, password = PASSWORD): Promise<Session> {
    const res = await this.app.request('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    const me = (await res.json()) as { csrfToken: string };
    return { cookie, csrf: me.csrfToken };
  }
}

export function makeClient(db: Db, limiter = new RateLimiter()): Client {
  return new Client(createApp({ db, now: () => NOW, loginLimiter: limiter }));
}
