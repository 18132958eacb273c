import type { BreakdownNotice } from '../extract/breakdown/types.ts';
import { DEPARTMENT_KINDS } from './data/department-duties.ts';
import { createDirectory, learnFromNotice, resolveUnit, type UnitDirectory, type UnitEntry, unitsOfDepartment } from './directory.ts';
import { dutyMatches } from './duties.ts';
import { bigrams, buildIndex, nearest, type SimilarityIndex } from './similarity.ts';

/** One past task the model learns from. */
export interface HistoryTask {
  text: string;
  /** The units as listed; `lead` is the first of them unless the notice named no lead unit. */
  units: string[];
  lead?: string;
  leaders: string[];
}

export interface SuggestionModel {
  directory: UnitDirectory;
  tasks: HistoryTask[];
  index: SimilarityIndex;
  /** Each past task's lead unit as the directory knows it (undefined when it names none). */
  leads: (UnitEntry | undefined)[];
  /** Names already resolved through the directory. */
  resolved: Map<string, UnitEntry | undefined>;
  /** The units of each department kind, most often leading first. */
  byDepartment: Map<string, UnitEntry[]>;
}

function resolve(model: SuggestionModel, name: string): UnitEntry | undefined {
  if (!model.resolved.has(name)) model.resolved.set(name, resolveUnit(model.directory, name));
  return model.resolved.get(name);
}

export interface Suggestion {
  name: string;
  score: number;
  reason: string;
}

export interface TaskSuggestions {
  task: string;
  /** Candidate lead units, best first. */
  units: Suggestion[];
  coUnits: Suggestion[];
  leaders: Suggestion[];
}

/** How much each source of evidence counts towards a lead unit. */
const WEIGHTS = { duty: 0.6, similar: 0.3, prior: 0.1 };
const NEIGHBOURS = 8;

type NoticeLike = Pick<BreakdownNotice, 'issuer' | 'sections' | 'projects'>;

/** Learns from past notices: their units into the directory, their items as tasks to resemble. */
export function buildModel(notices: NoticeLike[], directory: UnitDirectory = createDirectory()): SuggestionModel {
  let dir = directory;
  for (const n of notices) dir = learnFromNotice(dir, n);
  const tasks: HistoryTask[] = notices.flatMap((n) => [
    ...n.sections.flatMap((s) => s.items.map((i) => ({ text: i.text, units: i.units, lead: i.leadUnit, leaders: i.leaders }))),
    ...n.projects.map((p) => ({ text: `${p.title}。${p.goal}`, units: p.units, lead: p.units[0], leaders: p.leaders })),
  ]);
  const model: SuggestionModel = { directory: dir, tasks, index: buildIndex(tasks.map((t) => t.text)), leads: [], resolved: new Map(), byDepartment: new Map() };
  for (const kind of DEPARTMENT_KINDS) model.byDepartment.set(kind.id, unitsOfDepartment(dir, kind.id));
  model.leads = tasks.map((t) => (t.lead ? resolve(model, t.lead) : undefined));
  return model;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function normalised<T>(scores: Map<T, number>): Map<T, number> {
  const max = Math.max(0, ...scores.values());
  return new Map([...scores].map(([k, v]) => [k, max > 0 ? v / max : 0]));
}

function quote(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/** A unit that can lead: never a group placeholder (市级其他有关部门, 各区县(市)政府). */
function canLead(entry: UnitEntry | undefined): boolean {
  return !!entry && entry.kind !== 'group';
}

/**
 * Ranks lead units, co-units and lead leaders for a task text. Three
 * sources of evidence: the duties of each department kind that the task's
 * words point to (resolved to the units this city actually has), the past
 * tasks the text resembles and who led them, and how often a unit led at
 * all. Each suggestion says why.
 */
export function suggest(model: SuggestionModel, text: string, top = 5): TaskSuggestions {
  const dir = model.directory;
  const duty = new Map<string, number>();
  const dutyWhy = new Map<string, string>();
  const matches = dutyMatches(text);
  const maxDuty = matches[0]?.score ?? 0;
  for (const m of matches) {
    const units = model.byDepartment.get(m.kind.id) ?? [];
    const candidates = units.length > 0 ? units.map((u) => u.name) : [`${dir.level ?? '市'}${m.kind.standard}`];
    const standing = units.map((u) => standingInKind(u, text));
    const best = Math.max(0, ...standing);
    candidates.forEach((name, i) => {
      const share = units.length === 0 || best === 0 ? 1 : 0.5 + 0.5 * (standing[i] / best);
      const s = (m.score / maxDuty) * share;
      if (s > (duty.get(name) ?? 0)) {
        duty.set(name, s);
        dutyWhy.set(name, `${m.kind.id}: ${m.words.slice(0, 4).join('、')}${units.length ? '' : ' (no such unit in the history; standard name)'}`);
      }
    });
  }

  const neighbours = nearest(model.index, text, NEIGHBOURS);
  const similar = new Map<string, number>();
  const similarWhy = new Map<string, { text: string; similarity: number }>();
  for (const n of neighbours) {
    const past = model.tasks[n.at];
    const lead = model.leads[n.at];
    if (!canLead(lead) || !lead) continue;
    const name = lead.name;
    similar.set(name, (similar.get(name) ?? 0) + n.similarity);
    if (!similarWhy.has(name)) similarWhy.set(name, { text: past.text, similarity: n.similarity });
  }
  const similarNorm = normalised(similar);
  const maxLed = Math.max(1, ...dir.units.map((u) => u.led));

  const names = new Set([...duty.keys(), ...similar.keys()]);
  const units: Suggestion[] = [...names].map((name) => {
    const entry = resolve(model, name);
    const score = WEIGHTS.duty * (duty.get(name) ?? 0) + WEIGHTS.similar * (similarNorm.get(name) ?? 0) + WEIGHTS.prior * ((entry?.led ?? 0) / maxLed);
    const reasons: string[] = [];
    if (dutyWhy.has(name)) reasons.push(`duties ${dutyWhy.get(name)}`);
    const like = similarWhy.get(name);
    if (like) reasons.push(`led a similar task (${like.similarity.toFixed(2)}): ${quote(like.text)}`);
    return { name, score: round(score), reason: reasons.join('; ') };
  }).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  if (units.length === 0) {
    for (const u of [...dir.units].filter(canLead).sort((a, b) => b.led - a.led).slice(0, top)) {
      units.push({ name: u.name, score: round(WEIGHTS.prior * (u.led / maxLed)), reason: `leads most often (${u.led} tasks)` });
    }
  }
  return { task: text, units: units.slice(0, top), coUnits: coUnits(model, units, top), leaders: leaders(model, units, neighbours, top) };
}

/**
 * How well a unit stands for its kind on this task: how often it leads and
 * is listed; a unit known under a second, bracketed hat (市综合执法局(市“三改一拆”办))
 * stands for the kind only on tasks that name that hat.
 */
function standingInKind(unit: UnitEntry, text: string): number {
  const base = unit.led + 0.25 * unit.seen + 0.1;
  if (unit.aliases.length === 0 || !/[(（]/.test(unit.name)) return base;
  return unit.aliases.some((a) => overlap(a, text) >= 2) ? base * 2 : base * 0.3;
}

function overlap(a: string, b: string): number {
  const grams = new Set(bigrams(a));
  let n = 0;
  for (const g of new Set(bigrams(b))) if (grams.has(g)) n++;
  return n;
}

/** Units that past tasks listed beside the likely lead unit, and the other kinds the task's words point to. */
function coUnits(model: SuggestionModel, leads: Suggestion[], top: number): Suggestion[] {
  const lead = leads[0];
  if (!lead) return [];
  const leadEntry = resolve(model, lead.name);
  const withLead = model.tasks.filter((_, i) => leadEntry && model.leads[i] === leadEntry);
  const counts = new Map<string, number>();
  for (const t of withLead) for (const u of new Set(t.units.filter((u) => u !== t.lead))) {
    const name = resolve(model, u)?.name ?? u;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const scores = new Map<string, { score: number; reason: string }>();
  for (const [name, n] of counts) {
    scores.set(name, { score: n / withLead.length, reason: `listed with ${lead.name} in ${n} of ${withLead.length} past tasks` });
  }
  for (const other of leads.slice(1, 4)) {
    const s = other.score / (lead.score || 1);
    const prior = scores.get(other.name);
    if (!prior || prior.score < s) scores.set(other.name, { score: s, reason: other.reason });
  }
  scores.delete(lead.name);
  return [...scores].map(([name, v]) => ({ name, score: round(v.score), reason: v.reason }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, top);
}

/** Leaders who led the likely lead units' past tasks, and the leaders of the most similar tasks. */
function leaders(model: SuggestionModel, leads: Suggestion[], neighbours: { at: number; similarity: number }[], top: number): Suggestion[] {
  const scores = new Map<string, number>();
  const why = new Map<string, string>();
  for (const lead of leads.slice(0, 3)) {
    const entry = resolve(model, lead.name);
    const led = model.tasks.filter((_, i) => entry && model.leads[i] === entry);
    const counts = new Map<string, number>();
    for (const t of led) for (const l of t.leaders) counts.set(l, (counts.get(l) ?? 0) + 1);
    for (const [leader, n] of counts) {
      scores.set(leader, (scores.get(leader) ?? 0) + lead.score * (n / led.length));
      if (!why.has(leader)) why.set(leader, `led ${n} of ${led.length} past tasks of ${lead.name}`);
    }
  }
  for (const n of neighbours.slice(0, 3)) {
    for (const l of model.tasks[n.at].leaders) {
      scores.set(l, (scores.get(l) ?? 0) + 0.3 * n.similarity);
      if (!why.has(l)) why.set(l, `led a similar task: ${quote(model.tasks[n.at].text)}`);
    }
  }
  return [...normalised(scores)].map(([name, score]) => ({ name, score: round(score), reason: why.get(name) ?? '' }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, top);
}

/** Every department kind the built-in knowledge has, for listing. */
export const KNOWN_DEPARTMENT_KINDS = DEPARTMENT_KINDS.map((k) => k.id);
