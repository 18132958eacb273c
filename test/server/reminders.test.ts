import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverWebhooks, MAX_WEBHOOK_ATTEMPTS, runReminders } from '../../src/server/reminders.ts';
import { describeStores } from '../store/stores.ts';
import { Client, makeClient, makeWorkspace, type Session, type Workspace } from './harness.ts';

describeStores('settings, reminders, notifications and webhooks', (db) => {
  let client: Client;
  let ws: Workspace;
  let admin: Session, unitA: Session;
  const received: unknown[] = [];
  let failNext = 0;
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      if (failNext > 0) { failNext--; res.writeHead(500).end(); return; }
      received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  beforeAll(async () => {
    ws = await makeWorkspace(db());
    client = makeClient(db());
    [admin, unitA] = await Promise.all([client.login('admin'), client.login('unitA')]);
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => hook.close(() => r())));

  it('validates and stores status rules and reporting windows per organisation', async () => {
    const path = `/api/organisations/${ws.cityId}/settings`;
    expect((await client.call('GET', path, { as: admin })).body.statusRules.behindPoints).toBe(10);
    const bad = await client.call('PUT', path, { as: admin, body: { version: null, statusRules: { behindPoints: 40, seriouslyBehindPoints: 30 } } });
    expect(bad.status).toBe(400);
    const ok = await client.call('PUT', path, { as: admin, body: { version: null, statusRules: { behindPoints: 5 }, reporting: { kind: 'monthly', dueDay: 10 } } });
    expect(ok.status).toBe(200);
    expect((await client.call('PUT', path, { as: admin, body: { version: null, statusRules: {} } })).status).toBe(409);
    expect((await client.call('PUT', path, { as: unitA, body: { version: 1 } })).status).toBe(403);
    expect((await client.call('GET', path, { as: admin })).body).toMatchObject({ statusRules: { behindPoints: 5 }, reporting: { dueDay: 10 }, version: 1 });
  });

  it('creates due and overdue report notifications once, for the lead unit, and queues webhooks', async () => {
    const created = await client.call('POST', `/api/organisations/${ws.cityId}/webhooks`, { as: admin, body: { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook` } });
    expect(created.status).toBe(201);
    // 8 June: May's report (due by the 10th under these settings) is due; April's and earlier are overdue
    const first = await runReminders(db(), '2020-06-08');
    expect(first.notifications).toBeGreaterThan(0);
    expect((await runReminders(db(), '2020-06-08')).notifications).toBe(0);
    const mine = await client.call('GET', '/api/notifications', { as: unitA });
    const kinds = mine.body.items.filter((n: { taskId: number }) => n.taskId === ws.taskA).map((n: { kind: string; dueOn: string }) => `${n.kind} ${n.dueOn}`);
    expect(kinds).toContain('report_due 2020-06-10');
    expect(kinds).toContain('report_overdue 2020-05-10');
    expect(mine.body.items.every((n: { unitId: number }) => n.unitId === ws.unitA)).toBe(true);
    const read = await client.call('POST', `/api/notifications/${mine.body.items[0].id}/read`, { as: unitA });
    expect(read.status).toBe(200);
    const unitB = await client.login('unitB');
    expect((await client.call('POST', `/api/notifications/${mine.body.items[0].id}/read`, { as: unitB })).status).toBe(404);
  });

  it('delivers webhooks, retrying a failure with backoff and logging each attempt', async () => {
    failNext = 1;
    received.length = 0;
    // deliveries are queued on the database's clock
    const t0 = new Date(Date.now() + 5_000);
    const firstRound = await deliverWebhooks(db(), t0);
    const queued = (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries`)).rows[0].n;
    expect(firstRound.delivered).toBe(queued - 1);
    // the failed one waits a minute
    expect((await deliverWebhooks(db(), t0)).delivered).toBe(0);
    expect((await deliverWebhooks(db(), new Date(t0.getTime() + 61_000))).delivered).toBe(1);
    expect(received).toHaveLength(queued);
    expect(received[0]).toMatchObject({ event: expect.stringMatching(/^(report_|deadline_)/) });
    const hooks = await client.call('GET', `/api/organisations/${ws.cityId}/webhooks`, { as: admin });
    const log = await client.call('GET', `/api/webhooks/${hooks.body.items[0].id}/deliveries`, { as: admin });
    const retried = log.body.items.find((d: { attempts: unknown[] }) => d.attempts.length === 2);
    expect(retried.attempts.map((a: { responseStatus: number }) => a.responseStatus)).toEqual([500, 204]);
    expect(MAX_WEBHOOK_ATTEMPTS).toBeGreaterThan(1);
  });
});
