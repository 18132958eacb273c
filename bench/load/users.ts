// The virtual users of the load test: each signs in, then loops over what its role does
// until the deadline. Units submit reports with evidence, leaders read dashboards, the office
// edits tasks (several office users on the same few tasks, so stale writes get their 409) and
// accepts the reports of the tasks in its share.
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { PASSWORD, TASKS, type Account } from './seed.ts';

export interface Tally {
  /** Latency per request type, ms. */
  times: Map<string, number[]>;
  /** Count per `type status`. */
  statuses: Map<string, number>;
  errors: Map<string, number>;
  submitted: number;
  accepted: number;
  edited: number;
  conflicts: number;
  requests: number;
}

export const newTally = (): Tally => ({ times: new Map(), statuses: new Map(), errors: new Map(), submitted: 0, accepted: 0, edited: 0, conflicts: 0, requests: 0 });

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
/** Office edits aim at this many tasks of plan 1, so concurrent editors collide. */
const HOT_TASKS = 6;
const EVIDENCE = randomBytes(2048);

interface Session { cookie: string; csrf: string }

/**
 * One HTTP request on a connection of its own. fetch() reuses idle keep-alive connections,
 * and on a machine this loaded a request now and then goes out on a socket the server is just
 * closing (its 5 s keep-alive timeout): "fetch failed", nothing sent. Browsers retry those;
 * a fresh loopback connection per request avoids the race at a cost of well under a millisecond.
 */
async function send(url: string, method: string, headers: Record<string, string>, body?: BodyInit): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }> {
  let bytes: Buffer | undefined;
  if (body !== undefined) {
    const r = new Request(url, { method, body, headers });
    bytes = Buffer.from(await r.arrayBuffer());
    headers = { ...headers, 'content-type': r.headers.get('content-type')!, 'content-length': String(bytes.length) };
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

export class VirtualUser {
  private session!: Session;
  private n = 0;
  constructor(readonly base: string, readonly account: Account, readonly index: number, readonly tally: Tally, readonly officeCount: number, readonly officeIndex: number) {}

  private async call(type: string, method: string, path: string, body?: BodyInit | object, ok: number[] = [200]): Promise<{ status: number; json: any }> {
    const headers: Record<string, string> = {};
    if (this.session) headers.cookie = this.session.cookie;
    if (this.session && method !== 'GET') headers['x-csrf-token'] = this.session.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const t = performance.now();
    this.tally.requests++;
    let status = 0;
    let json: any;
    try {
      const res = await send(this.base + path, method, headers, payload);
      status = res.status;
      try { json = JSON.parse(res.text); } catch { json = res.text; }
      if (method === 'POST' && path === '/auth/login' && status === 200) {
        this.session = { cookie: String(res.headers['set-cookie']).split(';')[0], csrf: json.csrfToken };
      }
    } catch (err) {
      const e = err as Error & { code?: string; cause?: { code?: string } };
      bump(this.tally.errors, `${type} network ${e.code ?? e.cause?.code ?? e.message}`);
      return { status: 0, json: undefined };
    }
    const list = this.tally.times.get(type) ?? [];
    list.push(performance.now() - t);
    this.tally.times.set(type, list);
    bump(this.tally.statuses, `${type} ${status}`);
    if (!ok.includes(status)) bump(this.tally.errors, `${type} ${status} ${typeof json === 'object' ? json?.detail ?? '' : ''}`.slice(0, 160));
    return { status, json };
  }

  async login(): Promise<void> {
    await this.call('login', 'POST', '/auth/login', { username: this.account.username, password: PASSWORD });
    if (!this.session) throw new Error(`login ${this.account.username} failed`);
  }

  async run(deadline: number, maxRequests: number): Promise<void> {
    while (Date.now() < deadline && this.tally.requests < maxRequests) {
      this.n++;
      if (this.account.role === 'unit') await this.unitStep();
      else if (this.account.role === 'leader') await this.leaderStep();
      else await this.officeStep();
    }
  }

  private myTasks: number[] = [];

  private async unitStep(): Promise<void> {
    if (this.myTasks.length === 0 || this.n % 10 === 0) {
      const r = await this.call('task list', 'GET', '/tasks?limit=50');
      this.myTasks = (r.json?.items ?? []).map((t: { id: number }) => t.id);
      if (this.myTasks.length === 0) return;
    }
    const task = this.myTasks[this.n % this.myTasks.length];
    if (this.n % 3 === 0) {
      await this.call('task reports', 'GET', `/tasks/${task}/reports`);
      return;
    }
    const form = new FormData();
    form.set('period', '2020-06');
    form.set('percent', String(this.n % 100));
    form.set('narrative', `load:${this.account.username}:${this.index}:${this.n}`);
    form.append('files', new Blob([EVIDENCE], { type: 'application/pdf' }), `证明材料-${this.n}.pdf`);
    const r = await this.call('progress submission', 'POST', `/tasks/${task}/reports`, form, [201]);
    if (r.status === 201) this.tally.submitted++;
  }

  private async leaderStep(): Promise<void> {
    if (this.n % 2 === 0) await this.call('dashboard', 'GET', `/dashboard?planId=${this.account.organisation}`);
    else await this.call('task list', 'GET', `/tasks?limit=50&offset=${(this.n * 7) % 60}`);
  }

  private async officeStep(): Promise<void> {
    if (this.n % 2 === 0) {
      const id = 1 + (this.n % HOT_TASKS);
      const got = await this.call('task read', 'GET', `/tasks/${id}`);
      if (got.status !== 200) return;
      const r = await this.call('task edit', 'PATCH', `/tasks/${id}`,
        { version: got.json.version, text: `edit:${this.account.username}:${this.index}:${this.n}` }, [200, 409]);
      if (r.status === 200) this.tally.edited++;
      if (r.status === 409) this.tally.conflicts++;
      return;
    }
    // Review: the office user's share of the plans' tasks, so two office users never review one report.
    const plan = 1 + (this.n % 10);
    const task = (plan - 1) * TASKS + 1 + ((this.n * 13) % TASKS);
    if ((task % this.officeCount) !== this.officeIndex) {
      await this.call('dashboard', 'GET', `/dashboard?planId=${plan}`);
      return;
    }
    const reports = await this.call('task reports', 'GET', `/tasks/${task}/reports`);
    for (const rep of (reports.json?.items ?? []).filter((x: { status: string; narrative: string }) => x.status === 'submitted' && x.narrative.startsWith('load:')).slice(0, 3)) {
      const r = await this.call('report accept', 'POST', `/reports/${rep.id}/accept`, { version: rep.version }, [200]);
      if (r.status === 200) this.tally.accepted++;
    }
  }
}
