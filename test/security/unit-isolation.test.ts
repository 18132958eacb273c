// A unit never reads or changes another unit's tasks, reports or files: not through the lists,
// not by filters, not by guessing ids.
import { beforeAll, expect, it } from 'vitest';
import { describeStores } from '../store/stores.ts';
import { makeClient, type Client } from '../server/harness.ts';
import { evidenceForm, makeMatrixWorkspace, type MatrixWorkspace } from './matrix-workspace.ts';

describeStores('unit isolation', (db) => {
  let client: Client;
  let w: MatrixWorkspace;
  let maxId: number;
  beforeAll(async () => {
    client = makeClient(db());
    w = await makeMatrixWorkspace(db(), client);
    maxId = (await db().query<{ n: number }>(
      'SELECT greatest((SELECT max(id) FROM tasks), (SELECT max(id) FROM progress_reports), (SELECT max(id) FROM evidence)) + 3 AS n')).rows[0].n;
  }, 60_000);

  /** Tasks unit A may see: those where unit A is lead or co-unit. */
  async function tasksOfUnit(unitId: number): Promise<Set<number>> {
    const { rows } = await db().query<{ task_id: number }>(
      'SELECT a.task_id FROM assignments a JOIN assignment_units au ON au.assignment_id = a.id WHERE au.unit_id = $1', [unitId]);
    return new Set(rows.map((r) => r.task_id));
  }

  it('lists to unit A only its own tasks, whatever the filter says', async () => {
    const own = await tasksOfUnit(w.unitA);
    for (const query of ['', `?unitId=${w.unitB}`, `?leaderId=${w.leader2}`, '?q=研发', `?planId=${w.planId}&limit=5000`]) {
      const r = await client.call('GET', `/api/tasks${query}`, { as: w.sessions.unitA });
      expect(r.status).toBe(200);
      for (const t of r.body.items as { id: number }[]) expect(own.has(t.id), `task ${t.id} via /tasks${query}`).toBe(true);
    }
    const all = await client.call('GET', '/api/tasks', { as: w.sessions.unitA });
    expect(all.body.items.map((t: { id: number }) => t.id)).toContain(w.taskOfA);
    const reports = await client.call('GET', '/api/reports?limit=1000', { as: w.sessions.unitA });
    expect(reports.status).toBe(200);
    for (const r of reports.body.items as { task_id: number; taskId?: number }[]) expect(own.has(r.task_id ?? r.taskId!), `report of task ${r.task_id ?? r.taskId}`).toBe(true);
    const dash = await client.call('GET', `/api/dashboard?planId=${w.planId}`, { as: w.sessions.unitA });
    expect(JSON.stringify(dash.body)).not.toContain('研发投入');
  });

  it('answers 404 to unit A for every id of a task, report or file it does not share', async () => {
    const own = await tasksOfUnit(w.unitA);
    const leaks: string[] = [];
    for (let id = 1; id <= maxId; id++) {
      if (!own.has(id)) {
        for (const p of [`/tasks/${id}`, `/tasks/${id}/reports`, `/tasks/${id}/comments`, `/tasks/${id}/history`]) {
          const r = await client.call('GET', `/api${p}`, { as: w.sessions.unitA });
          if (r.status !== 404) leaks.push(`GET ${p}: ${r.status}`);
        }
      }
      const evidence = await db().query<{ task_id: number }>('SELECT task_id FROM evidence WHERE id = $1', [id]);
      if (!evidence.rows[0] || !own.has(evidence.rows[0].task_id)) {
        const r = await client.call('GET', `/api/evidence/${id}`, { as: w.sessions.unitA });
        if (r.status !== 404) leaks.push(`GET /evidence/${id}: ${r.status}`);
      }
    }
    expect(leaks).toEqual([]);
  }, 60_000);

  it('lets unit A change nothing of unit B: reports, reviews, comments, evidence, actuals, notifications', async () => {
    const before = await db().query('SELECT id, status, version FROM progress_reports ORDER BY id');
    const counts = async () => (await db().query<{ r: number; e: number; c: number; a: number }>(
      `SELECT (SELECT count(*) FROM progress_reports)::int AS r, (SELECT count(*) FROM evidence)::int AS e,
              (SELECT count(*) FROM comments)::int AS c, (SELECT count(*) FROM audit_log)::int AS a`)).rows[0];
    const start = await counts();
    const as = w.sessions.unitA;
    const attempts: [string, string, object][] = [
      ['POST', `/api/tasks/${w.taskOfB}/reports`, { form: evidenceForm({ period: '2020-06', percent: '99', narrative: '冒名报送' }) }],
      ['POST', `/api/reports/${w.reportOfB}/accept`, { body: { version: 1 } }],
      ['POST', `/api/reports/${w.reportOfB2}/return`, { body: { version: 1, reason: 'x' } }],
      ['POST', `/api/tasks/${w.taskOfB}/comments`, { body: { body: 'x' } }],
      ['POST', `/api/tasks/${w.taskOfB}/evidence`, { form: evidenceForm({}) }],
      ['POST', `/api/tasks/${w.taskOfB}/actuals`, { body: { targetIndex: 0, value: 1 } }],
      ['POST', `/api/actuals/${w.actualId}/confirm`, { body: { version: 1 } }],
      ['POST', `/api/notifications/${w.notificationOfB}/read`, {}],
      ['PATCH', `/api/tasks/${w.taskOfB}`, { body: { version: 1, text: 'x' } }],
    ];
    for (const [method, path, o] of attempts) {
      const r = await client.call(method, path, { as, ...o });
      expect([403, 404], `${method} ${path}`).toContain(r.status);
    }
    expect(await counts()).toEqual(start);
    expect((await db().query('SELECT id, status, version FROM progress_reports ORDER BY id')).rows).toEqual(before.rows);
    const n = await db().query<{ read_at: unknown }>('SELECT read_at FROM notifications WHERE id = $1', [w.notificationOfB]);
    expect(n.rows[0].read_at).toBeNull();
  });

  it('keeps unit B out of unit A\'s report and file the same way', async () => {
    for (const p of [`/tasks/${w.taskOfA}`, `/tasks/${w.taskOfA}/reports`, `/evidence/${w.evidenceOfA}`]) {
      expect((await client.call('GET', `/api${p}`, { as: w.sessions.unitB })).status, p).toBe(404);
    }
    expect((await client.call('GET', `/api/evidence/${w.evidenceOfA}`, { as: w.sessions.unitA })).status).toBe(200);
  });

  it('shows a leader only the portfolio in their charge', async () => {
    const leader1 = await client.login('leader1');
    for (const p of [`/tasks/${w.taskOfB}`, `/tasks/${w.taskOfB}/reports`, `/evidence/${w.evidenceOfB}`]) {
      expect((await client.call('GET', `/api${p}`, { as: leader1 })).status, p).toBe(404);
    }
    const list = await client.call('GET', '/api/tasks?limit=5000', { as: leader1 });
    expect(list.body.items.map((t: { id: number }) => t.id)).toContain(w.taskOfA);
    expect(list.body.items.map((t: { id: number }) => t.id)).not.toContain(w.taskOfB);
  });
});
