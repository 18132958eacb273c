import type { Status } from './rules.ts';
import { STATUSES } from './rules.ts';

/** A task as the roll-up sees it: its status, its progress and where it belongs. */
export interface TrackedTask {
  id: string;
  status: Status;
  /** Percent, 0–100; absent when nothing is known. */
  progress?: number;
  /** For the weighted mean (e.g. a task's score weight); 1 when absent. */
  weight?: number;
  section?: string;
  leadUnit?: string;
  coUnits?: readonly string[];
  leader?: string;
  /** District or county (scope) the task belongs to. */
  scope?: string;
}

export interface RollUp {
  total: number;
  counts: Record<Status, number>;
  /** Mean progress over the tasks that have one; null when none has. */
  meanProgress: number | null;
  weightedProgress: number | null;
}

export function rollUp(tasks: readonly TrackedTask[]): RollUp {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let sum = 0, n = 0, wsum = 0, w = 0;
  for (const t of tasks) {
    counts[t.status]++;
    if (t.progress === undefined) continue;
    const weight = t.weight ?? 1;
    sum += t.progress; n++;
    wsum += t.progress * weight; w += weight;
  }
  return { total: tasks.length, counts, meanProgress: n ? sum / n : null, weightedProgress: w ? wsum / w : null };
}

export interface Group<K extends string = string> {
  key: K;
  rollUp: RollUp;
}

/** Groups in order of first appearance; a task may belong to several groups, or to none. */
export function rollUpBy(tasks: readonly TrackedTask[], keysOf: (t: TrackedTask) => readonly (string | undefined)[]): Group[] {
  const members = new Map<string, TrackedTask[]>();
  for (const t of tasks) {
    for (const key of new Set(keysOf(t))) {
      if (key === undefined || key === '') continue;
      let list = members.get(key);
      if (!list) members.set(key, (list = []));
      list.push(t);
    }
  }
  return [...members].map(([key, list]) => ({ key, rollUp: rollUp(list) }));
}

/** A unit's portfolio, the tasks it leads (牵头) kept apart from those it supports (配合). */
export interface UnitRollUp {
  unit: string;
  lead: RollUp;
  co: RollUp;
  all: RollUp;
}

export function rollUpByUnit(tasks: readonly TrackedTask[]): UnitRollUp[] {
  const lead = new Map(rollUpBy(tasks, (t) => [t.leadUnit]).map((g) => [g.key, g.rollUp]));
  const co = new Map(rollUpBy(tasks, (t) => (t.coUnits ?? []).filter((u) => u !== t.leadUnit)).map((g) => [g.key, g.rollUp]));
  const all = rollUpBy(tasks, (t) => [t.leadUnit, ...(t.coUnits ?? [])]);
  return all.map(({ key, rollUp: r }) => ({ unit: key, lead: lead.get(key) ?? rollUp([]), co: co.get(key) ?? rollUp([]), all: r }));
}

export interface PlanRollUp {
  plan: RollUp;
  sections: Group[];
  units: UnitRollUp[];
  leaders: Group[];
  scopes: Group[];
}

/** The dashboard's roll-up: the whole plan, and by section, unit, leader and district. */
export function rollUpPlan(tasks: readonly TrackedTask[]): PlanRollUp {
  return {
    plan: rollUp(tasks),
    sections: rollUpBy(tasks, (t) => [t.section]),
    units: rollUpByUnit(tasks),
    leaders: rollUpBy(tasks, (t) => [t.leader]),
    scopes: rollUpBy(tasks, (t) => [t.scope]),
  };
}
