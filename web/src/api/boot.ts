import { defaultPlan } from '../lib/plan.ts';
import { request } from './client.ts';
import type { Plan, Session } from './types.ts';

/**
 * Requests the first screen needs, sent as soon as the bundle starts to run
 * instead of after React has rendered its way down to them: the session,
 * the plans and — on the dashboard — the default plan's roll-up. Each is
 * handed out once; later calls fetch afresh.
 */
const pending = new Map<string, Promise<unknown>>();
/** Answers that have arrived, so the first render can use them at once instead of after a loading pass. */
const arrived = new Map<string, unknown>();

function start<T>(key: string, p: Promise<T>): Promise<T> {
  pending.set(key, p);
  p.then((value) => { if (pending.get(key) === p) arrived.set(key, value); }, () => {}); // a 401 here just means the login screen comes first
  return p;
}

const get = <T>(path: string) => request<T>('GET', path, undefined, { quiet401: true });

/** Forgets early answers: after a login or logout they belong to someone else. */
export function clearBoot(): void {
  pending.clear();
  arrived.clear();
}

/** The early answer if it has already arrived (handed out once, like takeBoot); undefined otherwise. */
export function takeBootNow<T>(key: string): T | undefined {
  if (!arrived.has(key)) return undefined;
  const value = arrived.get(key) as T;
  arrived.delete(key);
  pending.delete(key);
  return value;
}

/** The early answer if there is one; a failed one (401 before login) is fetched again. */
export function takeBoot<T>(key: string, fallback: () => Promise<T>): Promise<T> {
  const p = pending.get(key) as Promise<T> | undefined;
  pending.delete(key);
  arrived.delete(key);
  return p ? p.catch(fallback) : fallback();
}

function startBoot(path: string, search: URLSearchParams): void {
  if (path === '/public') return;
  start('me', get<Session>('/api/auth/me'));
  if (!/^\/(dashboard|ledger|workbench)?$/.test(path)) return;
  const plans = start('plans', get<{ items: Plan[] }>('/api/plans'));
  if (path !== '/dashboard' && path !== '/') return;
  plans.then((r) => {
    const plan = defaultPlan(r.items, search.get('plan'));
    if (plan) start(`dashboard:${plan.id}`, get(`/api/dashboard?planId=${plan.id}`));
  }, () => {});
}

startBoot(window.location.pathname, new URLSearchParams(window.location.search));
