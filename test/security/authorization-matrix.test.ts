// Issue 7, deliverable 4: every route of the route table, called as every role (and as nobody,
// and as the office with a missing or stale CSRF token), gets the allow or deny the policies
// promise. Generated from allRoutes(): a route without an expectation fails here.
import { beforeAll, expect, it } from 'vitest';
import { allRoutes } from '../../src/server/routes/index.ts';
import { describeStores } from '../store/stores.ts';
import { makeClient, type Client, type Session } from '../server/harness.ts';
import { EXPECTATIONS, type Expectation } from './expectations.ts';
import { makeMatrixWorkspace, ROLES, type MatrixWorkspace, type Role } from './matrix-workspace.ts';

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

function allowedFor(e: Expectation, method: string, role: Role): boolean {
  if (e.allowed === 'everyone') return true;
  if (role === 'nobody') return false;
  if (role === 'adminNoCsrf' || role === 'adminStaleCsrf') return method === 'get' && e.allowed.includes('admin');
  return e.allowed.includes(role);
}

/** The status a denied caller must get: 401 without a session, 403 for a bad CSRF token, else 403 or a 404 that hides the record. */
function deniedStatuses(method: string, role: Role): number[] {
  if (role === 'nobody') return [401];
  if ((role === 'adminNoCsrf' || role === 'adminStaleCsrf') && method !== 'get') return [403];
  return [403, 404];
}

async function freshSession(client: Client, role: Role): Promise<Session | undefined> {
  const user = { admin: 'admin', adminNoCsrf: 'admin', adminStaleCsrf: 'admin', unitA: 'unitA', unitB: 'unitB', leader: 'leader2', viewer: 'viewer', nobody: '' }[role];
  if (!user) return undefined;
  const s = await client.login(user);
  if (role === 'adminNoCsrf') return { ...s, csrf: '' };
  if (role === 'adminStaleCsrf') return { ...s, csrf: (await client.login(user)).csrf };
  return s;
}

it('has an expectation for every route of the table, and none for a route that is gone', () => {
  const routes = allRoutes().map(key);
  expect(routes.filter((k) => !EXPECTATIONS[k]), 'routes without an expectation in test/security/expectations.ts').toEqual([]);
  expect(Object.keys(EXPECTATIONS).filter((k) => !routes.includes(k)), 'expectations for routes that do not exist').toEqual([]);
});

describeStores('authorization matrix', (db) => {
  let client: Client;
  let w: MatrixWorkspace;
  beforeAll(async () => {
    client = makeClient(db());
    w = await makeMatrixWorkspace(db(), client);
  }, 60_000);

  it('gives every role the allow or deny of the policies on every route', async () => {
    const wrong: string[] = [];
    for (const r of allRoutes()) {
      const e = EXPECTATIONS[key(r)];
      if (!e) continue;
      let calledAllowed = false;
      for (const role of ROLES) {
        const allowed = allowedFor(e, r.method, role);
        if (allowed && e.expensive && calledAllowed) continue;
        const sample = e.sample(w);
        const as = e.endsSession ? await freshSession(client, role) : w.sessions[role];
        const res = await client.call(r.method.toUpperCase(), '/api' + sample.path, {
          as, body: sample.body, form: sample.form?.(), csrf: as ? undefined : false,
        });
        const ok = allowed
          ? (res.status >= 200 && res.status < 300) || (e.alsoFine ?? []).includes(res.status)
          : deniedStatuses(r.method, role).includes(res.status);
        if (!ok) wrong.push(`${key(r)} as ${role}: ${res.status}, expected ${allowed ? 'allow' : `deny (${deniedStatuses(r.method, role).join('/')})`} ${JSON.stringify(res.body).slice(0, 120)}`);
        if (allowed) calledAllowed = true;
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
