import { z } from 'zod';
import { buildModel, suggest, type Suggestion, type SuggestionModel } from '../../assign/suggest.ts';
import type { QuantityRecord } from '../../extract/quantity.ts';
import { json, type Db, type Queryable } from '../../store/db.ts';
import type { TaskRow } from '../../store/tasks.ts';
import type { Actor } from '../auth/actor.ts';
import { setAssignment } from '../assignment.ts';
import { audit } from '../audit.ts';
import { expectedVersion, updateVersioned } from '../concurrency.ts';
import { documentAbilities } from '../policies/document.ts';
import { authorize, referenceAbilities } from '../policies/shared.ts';
import { wizardAbilities } from '../policies/wizard.ts';
import { badRequest, conflict, notFound } from '../problem.ts';
import { present } from '../present.ts';
import { idParams, route, versionField } from '../route.ts';
import { refreshTaskStatus } from '../task-status.ts';
import { presentTask, readableTask } from '../task-view.ts';
import { isoDay } from '../today.ts';

// ---------------------------------------------------------------- suggestions

/** How many candidates of each kind the office is offered. */
const CANDIDATES = 5;

type Notice = Parameters<typeof buildModel>[0][number];

/**
 * Learning a model from every notice is the slow part: keep the last one per store
 * and organisation, keyed by the notices it learnt from (ids and versions), so an
 * import or an archived notice makes the next request learn again.
 */
const models = new WeakMap<object, Map<number, { key: string; model: SuggestionModel }>>();

async function modelFor(db: Queryable, organisationId: number): Promise<SuggestionModel> {
  const scope = `kind = 'notice' AND archived_at IS NULL AND extraction ? 'notice'
    AND (organisation_id = $1 OR organisation_id = (SELECT parent_id FROM organisations WHERE id = $1))`;
  const { rows: ids } = await db.query<{ id: number; version: number }>(`SELECT id, version FROM documents WHERE ${scope} ORDER BY id`, [organisationId]);
  const key = ids.map((r) => `${r.id}.${r.version}`).join(',');
  const perStore = models.get(db) ?? new Map();
  models.set(db, perStore);
  const cached = perStore.get(organisationId);
  if (cached?.key === key) return cached.model;
  const { rows } = await db.query<{ notice: Notice }>(`SELECT extraction->'notice' AS notice FROM documents WHERE ${scope} ORDER BY id`, [organisationId]);
  const model = buildModel(rows.map((r) => r.notice));
  perStore.set(organisationId, { key, model });
  return model;
}

interface StoredSuggestion { leadUnits?: Suggestion[]; coUnits?: Suggestion[]; leaders?: Suggestion[] }

// ---------------------------------------------------------------- quantities

const cmp = z.enum(['eq', 'approx', 'ge', 'gt', 'le', 'lt', 'range']);
/** The QuantityRecord of src/extract/quantity.ts, as a person may correct it. */
const quantityRecord = z.object({
  doc: z.string().max(500),
  kind: z.enum(['target', 'actual']),
  indicator: z.string().trim().min(1).max(200),
  measure: z.enum(['growth', 'level', 'delta']),
  direction: z.enum(['up', 'down']),
  value: z.number().finite(),
  value_hi: z.number().finite().optional(),
  unit: z.string().max(50),
  cmp,
  stretch: z.boolean().optional(),
  period: z.string().max(50).optional(),
  scope: z.string().max(200).optional(),
  quote: z.string().max(2000),
  span: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).refine((s) => s.start <= s.end, 'span start after its end'),
  section: z.array(z.string().max(500)).max(20),
});
const correctionBody = quantityRecord.omit({ doc: true }).partial().extend({ version: versionField, rejected: z.boolean().optional() });

type Quantity = QuantityRecord & { corrected?: boolean; rejected?: boolean };
type TargetFields = Pick<QuantityRecord, 'indicator' | 'measure' | 'direction' | 'value' | 'value_hi' | 'unit' | 'cmp' | 'stretch' | 'period' | 'scope'>;

/** A task's target as the report importer writes it from a quantity. */
function targetOf(q: QuantityRecord): TargetFields {
  const { indicator, measure, direction, value, value_hi, unit, cmp: c, stretch, period, scope } = q;
  return { indicator, measure, direction, value, value_hi, unit, cmp: c, stretch, period, scope };
}

function sameTarget(t: Record<string, unknown>, q: QuantityRecord): boolean {
  return t.indicator === q.indicator && t.value === q.value && t.unit === q.unit && (t.cmp === undefined || t.cmp === q.cmp);
}

/** Carries a correction to the task stating the quantity: its target replaced (or dropped when rejected). */
async function correctTaskTarget(tx: Queryable, actor: Actor, documentId: number, before: Quantity, after: Quantity, today: string) {
  if (before.kind !== 'target' && after.kind !== 'target') return null;
  const { rows } = await tx.query<{ id: number; version: number; targets: Array<Record<string, unknown>> }>(
    `SELECT id, version, targets FROM tasks
      WHERE document_id = $1 AND archived_at IS NULL AND kind <> 'section' AND span_start <= $2 AND span_end >= $3
      ORDER BY span_end - span_start, id LIMIT 1`, [documentId, before.span.start, before.span.end]);
  const task = rows[0];
  if (!task) return null;
  const at = task.targets.findIndex((t) => sameTarget(t, before));
  const targets = [...task.targets];
  const keep = after.kind === 'target' && !after.rejected;
  if (at >= 0 && keep) targets[at] = { ...targets[at], ...targetOf(after) };
  else if (at >= 0) targets.splice(at, 1);
  else if (keep) targets.push({ ...targetOf(after) });
  else return null;
  const updated = await updateVersioned(tx, 'tasks', task.id, task.version, { targets: json(targets) });
  await audit(tx, { userId: actor.id, action: 'task.update', entity: 'task', entityId: task.id, before: { targets: task.targets }, after: { ...updated, reason: 'quantity corrected' } });
  await refreshTaskStatus(tx, task.id, today, actor.id, 'quantity corrected');
  return task.id;
}

// ---------------------------------------------------------------- split and merge

const TASK_COPY = 'plan_id, parent_id, document_id, kind, livelihood, no, position, text, span_start, span_end, targets, district_id, starts_on, deadline, published, suggestion';

interface NewTask {
  from: Record<string, unknown>;
  text: string;
  no: string;
  span: { start: number; end: number } | null;
  targets: unknown[];
  overrides?: Record<string, unknown>;
}

async function insertTask(tx: Queryable, t: NewTask): Promise<number> {
  const v = { ...t.from, ...t.overrides };
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO tasks (${TASK_COPY}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16::jsonb) RETURNING id`,
    [v.plan_id, v.parent_id, v.document_id, v.kind, v.livelihood, t.no, v.position, t.text, t.span?.start ?? null, t.span?.end ?? null,
      json(t.targets), v.district_id, v.starts_on, v.deadline, v.published, v.suggestion === null || v.suggestion === undefined ? null : json(v.suggestion)]);
  return rows[0].id;
}

/** The task's own assignment (not its project's), to be carried over to what replaces it. */
async function ownAssignment(tx: Queryable, taskId: number) {
  const a = await tx.query<{ id: number; leader_id: number | null; leader_text: string; person_in_charge: string; deadline: string | null }>(
    'SELECT id, leader_id, leader_text, person_in_charge, deadline FROM assignments WHERE task_id = $1 AND archived_at IS NULL', [taskId]);
  if (!a.rows[0]) return null;
  const u = await tx.query<{ unit_id: number; role: string }>('SELECT unit_id, role FROM assignment_units WHERE assignment_id = $1 ORDER BY position', [a.rows[0].id]);
  const r = a.rows[0];
  return {
    leadUnitId: u.rows.find((x) => x.role === 'lead')?.unit_id ?? null, coUnitIds: u.rows.filter((x) => x.role === 'co').map((x) => x.unit_id),
    leaderId: r.leader_id, leaderText: r.leader_text, personInCharge: r.person_in_charge, deadline: r.deadline,
  };
}

/** Replaces `old` tasks by `fresh` ones: children move to the first, the old are archived (version-checked), never deleted. */
async function replaceTasks(tx: Queryable, actor: Actor, old: Array<{ id: number; version: number }>, fresh: number[], now: Date) {
  for (const o of old) {
    await tx.query('UPDATE tasks SET parent_id = $2, updated_at = now() WHERE parent_id = $1 AND archived_at IS NULL', [o.id, fresh[0]]);
    await updateVersioned(tx, 'tasks', o.id, o.version, { archived_at: now });
  }
  const assignment = await ownAssignment(tx, old[0].id);
  for (const id of fresh) if (assignment) await setAssignment(tx, actor, id, assignment, null);
}

/** The pieces of `text` cut at `at` (offsets into it), each trimmed, with where it starts. */
function cut(text: string, at: number[]): Array<{ text: string; from: number }> {
  const bounds = [0, ...[...new Set(at)].sort((a, b) => a - b), text.length];
  const pieces = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const raw = text.slice(bounds[i], bounds[i + 1]);
    const lead = raw.length - raw.trimStart().length;
    pieces.push({ text: raw.trim(), from: bounds[i] + lead });
  }
  return pieces;
}

/** Which piece a target belongs to: where its extracted quantity stands, else where its words are, else the first. */
function pieceOfTarget(target: Record<string, unknown>, pieces: Array<{ text: string; span: { start: number; end: number } | null }>, quantities: QuantityRecord[]): number {
  const q = quantities.find((x) => sameTarget(target, x) && pieces.some((p) => p.span && p.span.start <= x.span.start && x.span.end <= p.span.end));
  if (q) return pieces.findIndex((p) => p.span && p.span.start <= q.span.start && q.span.end <= p.span.end);
  const words = [target.quote, target.indicator].filter((w): w is string => typeof w === 'string' && w.length > 0);
  for (const w of words) {
    const i = pieces.findIndex((p) => p.text.includes(w));
    if (i >= 0) return i;
  }
  return 0;
}

async function documentQuantities(tx: Queryable, documentId: unknown): Promise<QuantityRecord[]> {
  if (documentId === null || documentId === undefined) return [];
  const { rows } = await tx.query<{ quantities: Quantity[] | null }>(`SELECT extraction->'quantities' AS quantities FROM documents WHERE id = $1`, [documentId]);
  return (rows[0]?.quantities ?? []).filter((q) => !q.rejected);
}

async function rawTask(tx: Queryable, id: number): Promise<Record<string, unknown>> {
  const { rows } = await tx.query<Record<string, unknown>>('SELECT * FROM tasks WHERE id = $1', [id]);
  return rows[0];
}

async function presentAll(db: Db, actor: Actor, ids: number[], today: string) {
  const out = [];
  for (const id of ids) out.push(presentTask(await readableTask(db, actor, id) as TaskRow, actor, today));
  return out;
}

// ---------------------------------------------------------------- routes

export const wizardRoutes = [
  route({
    method: 'get', path: '/plans/:id/suggestions', tag: 'wizard', params: idParams,
    summary: 'Suggested lead units, co-units and leaders for each task of a plan, best first, each with a score (0–1) and why',
    async handle({ db, actor, params }) {
      authorize(wizardAbilities(actor).suggest, 'only the supervision office sees suggestions');
      const plan = await db.query<{ organisation_id: number }>('SELECT organisation_id FROM plans WHERE id = $1 AND archived_at IS NULL', [params.id]);
      if (!plan.rows[0]) throw notFound('plan');
      const { rows } = await db.query<{ id: number; text: string; suggestion: StoredSuggestion | null }>(
        `SELECT id, text, suggestion FROM tasks WHERE plan_id = $1 AND archived_at IS NULL AND kind IN ('target', 'task', 'project') ORDER BY position, id`,
        [params.id]);
      // Suggestions stored at import time stand; tasks imported before (or edited since) are asked afresh.
      const model = rows.some((r) => !r.suggestion) ? await modelFor(db, plan.rows[0].organisation_id) : undefined;
      return {
        items: rows.map((r) => {
          if (r.suggestion) return { taskId: r.id, units: r.suggestion.leadUnits ?? [], coUnits: r.suggestion.coUnits ?? [], leaders: r.suggestion.leaders ?? [] };
          const s = suggest(model!, r.text, CANDIDATES);
          return { taskId: r.id, units: s.units, coUnits: s.coUnits.slice(0, CANDIDATES), leaders: s.leaders.slice(0, CANDIDATES) };
        }),
      };
    },
  }),
  route({
    method: 'patch', path: '/documents/:id/quantities/:index', tag: 'wizard',
    params: z.object({ id: z.coerce.number().int().positive(), index: z.coerce.number().int().min(0) }),
    summary: 'Correct (or strike out with `rejected`) one extracted quantity; the original is kept in `extraction.corrections` and the task stating it follows',
    body: correctionBody,
    async handle({ db, actor, params, body, ifMatch, deps }) {
      authorize(wizardAbilities(actor).correct, 'only the supervision office corrects extractions');
      const version = expectedVersion(body.version, ifMatch);
      const { version: _v, ...fields } = body;
      const today = isoDay(deps.now());
      const after = await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: number; version: number; text: string; extraction: { quantities?: Quantity[]; corrections?: unknown[] } }>(
          'SELECT id, version, text, extraction FROM documents WHERE id = $1 AND archived_at IS NULL', [params.id]);
        const doc = rows[0];
        if (!doc) throw notFound('document');
        const list = doc.extraction.quantities ?? [];
        const before = list[params.index];
        if (!before) throw notFound('quantity');
        const next = { ...before, ...fields, corrected: true } as Quantity;
        const valid = quantityRecord.safeParse(next);
        if (!valid.success) throw badRequest('the corrected quantity is not a valid record', { errors: valid.error.issues });
        if (next.span.end > doc.text.length) throw badRequest('the span lies outside the document text');
        const correction = { index: params.index, before, after: next, userId: actor.id, at: deps.now().toISOString() };
        const extraction = {
          ...doc.extraction,
          quantities: list.map((q, i) => (i === params.index ? next : q)),
          corrections: [...(doc.extraction.corrections ?? []), correction],
        };
        const updated = await tx.query<Record<string, unknown>>(
          `UPDATE documents SET extraction = $3::jsonb, version = version + 1 WHERE id = $1 AND version = $2 AND archived_at IS NULL
           RETURNING id, version`, [doc.id, version, json(extraction)]);
        if (!updated.rows[0]) throw conflict(`the document changed since version ${version}; reload and correct again`, { currentVersion: doc.version });
        const taskId = await correctTaskTarget(tx, actor, doc.id, before, next, today);
        await audit(tx, { userId: actor.id, action: 'document.correct_quantity', entity: 'document', entityId: doc.id, before, after: { ...next, index: params.index, taskId } });
        const fresh = await tx.query<Record<string, unknown>>(
          `SELECT id, organisation_id, plan_id, name, kind, format, size, sha256, created_by, created_at, archived_at, version, text, extraction
             FROM documents WHERE id = $1`, [doc.id]);
        return fresh.rows[0];
      });
      return { ...present(after), abilities: documentAbilities(actor) };
    },
  }),
  route({
    method: 'post', path: '/tasks/:id/split', tag: 'wizard', params: idParams,
    summary: 'Split a task\'s text at offsets `at` into several tasks (same section, span pieces, targets where their figures stand); the original is archived',
    body: z.object({ version: versionField, at: z.union([z.number().int().positive(), z.array(z.number().int().positive()).min(1).max(50)]) }),
    async handle({ db, actor, params, body, ifMatch, deps }) {
      const t = await readableTask(db, actor, params.id);
      authorize(wizardAbilities(actor).split, 'only the supervision office splits tasks');
      const version = expectedVersion(body.version, ifMatch);
      if (t.kind === 'section') throw badRequest('a section is not split; split its tasks');
      const at = Array.isArray(body.at) ? body.at : [body.at];
      if (at.some((n) => n >= t.text.length)) throw badRequest(`split offsets must lie inside the text (1–${t.text.length - 1})`);
      const cuts = cut(t.text, at);
      if (cuts.some((p) => p.text.length === 0)) throw badRequest('every piece needs some text');
      const today = isoDay(deps.now());
      const ids = await db.transaction(async (tx) => {
        const from = await rawTask(tx, t.id);
        const spanStart = from.span_start as number | null;
        const aligned = spanStart !== null && (from.span_end as number) - spanStart === t.text.length;
        const pieces = cuts.map((p) => ({
          text: p.text,
          span: aligned ? { start: spanStart + p.from, end: spanStart + p.from + p.text.length }
            : spanStart === null ? null : { start: spanStart, end: from.span_end as number },
        }));
        const quantities = await documentQuantities(tx, from.document_id);
        const targets: unknown[][] = pieces.map(() => []);
        for (const target of (from.targets as Array<Record<string, unknown>>)) targets[pieceOfTarget(target, pieces, quantities)].push(target);
        const fresh = [];
        for (const [i, p] of pieces.entries()) {
          fresh.push(await insertTask(tx, { from, text: p.text, no: from.no ? `${from.no}-${i + 1}` : '', span: p.span, targets: targets[i] }));
        }
        await replaceTasks(tx, actor, [{ id: t.id, version }], fresh, deps.now());
        for (const id of fresh) await refreshTaskStatus(tx, id, today, actor.id, `split from task ${t.id}`);
        await audit(tx, { userId: actor.id, action: 'task.split', entity: 'task', entityId: t.id, before: from, after: { at, tasks: fresh } });
        return fresh;
      });
      return { items: await presentAll(db, actor, ids, today) };
    },
  }),
  route({
    method: 'post', path: '/tasks/merge', tag: 'wizard',
    summary: 'Merge tasks of one section into one (text joined, targets kept, first task\'s number and assignment); the originals are archived',
    body: z.object({ tasks: z.array(z.object({ id: z.number().int().positive(), version: z.number().int().positive() })).min(2).max(100) }),
    async handle({ db, actor, body, deps }) {
      authorize(wizardAbilities(actor).merge, 'only the supervision office merges tasks');
      if (new Set(body.tasks.map((t) => t.id)).size !== body.tasks.length) throw badRequest('a task is listed twice');
      const rows: TaskRow[] = [];
      for (const t of body.tasks) rows.push(await readableTask(db, actor, t.id));
      rows.sort((a, b) => (a.position as number) - (b.position as number) || a.id - b.id);
      if (rows.some((r) => r.kind === 'section')) throw badRequest('sections are not merged');
      if (new Set(rows.map((r) => `${r.plan_id}:${r.parent_id}`)).size > 1) throw badRequest('only tasks of one section merge');
      const versions = new Map(body.tasks.map((t) => [t.id, t.version]));
      const today = isoDay(deps.now());
      const id = await db.transaction(async (tx) => {
        const raws: Array<Record<string, unknown>> = [];
        for (const r of rows) raws.push(await rawTask(tx, r.id));
        const text = raws.map((r) => String(r.text)).reduce((a, b) => (/[。；;！!？?]$/.test(a) ? a + b : `${a}；${b}`));
        const spans = raws.filter((r) => r.span_start !== null);
        const oneDocument = new Set(raws.map((r) => r.document_id)).size === 1;
        const span = oneDocument && spans.length === raws.length
          ? { start: Math.min(...spans.map((r) => r.span_start as number)), end: Math.max(...spans.map((r) => r.span_end as number)) } : null;
        const dates = (k: string) => raws.map((r) => r[k]).filter((d): d is string => d !== null).map(String).sort();
        const deadlines = dates('deadline');
        const starts = dates('starts_on');
        const merged = await insertTask(tx, {
          from: raws[0], text, no: String(raws[0].no), span, targets: raws.flatMap((r) => r.targets as unknown[]),
          overrides: {
            livelihood: raws.some((r) => r.livelihood), deadline: deadlines.at(-1) ?? null, starts_on: starts[0] ?? null,
            published: raws.every((r) => r.published), document_id: oneDocument ? raws[0].document_id : null,
          },
        });
        await replaceTasks(tx, actor, raws.map((r) => ({ id: r.id as number, version: versions.get(r.id as number)! })), [merged], deps.now());
        await refreshTaskStatus(tx, merged, today, actor.id, `merged from tasks ${raws.map((r) => r.id).join(', ')}`);
        await audit(tx, { userId: actor.id, action: 'task.merge', entity: 'task', entityId: merged, before: raws, after: await rawTask(tx, merged) });
        return merged;
      });
      return (await presentAll(db, actor, [id], today))[0];
    },
  }),
  route({
    method: 'post', path: '/plans/:id/publish', tag: 'wizard', params: idParams,
    summary: 'Publish a plan and all its tasks in one transaction',
    body: z.object({ version: versionField }),
    async handle({ db, actor, params, body, ifMatch }) {
      authorize(wizardAbilities(actor).publish, 'only the supervision office publishes plans');
      const version = expectedVersion(body.version, ifMatch);
      const plan = await db.transaction(async (tx) => {
        const before = await tx.query<Record<string, unknown>>('SELECT * FROM plans WHERE id = $1 AND archived_at IS NULL', [params.id]);
        if (!before.rows[0]) throw notFound('plan');
        const after = await updateVersioned<Record<string, unknown>>(tx, 'plans', params.id, version, { status: 'published' });
        const tasks = await tx.query<{ id: number }>(
          `UPDATE tasks SET published = true, version = version + 1, updated_at = now()
            WHERE plan_id = $1 AND archived_at IS NULL AND NOT published RETURNING id`, [params.id]);
        await audit(tx, { userId: actor.id, action: 'plan.publish', entity: 'plan', entityId: params.id, before: before.rows[0], after: { ...after, publishedTasks: tasks.rows.map((r) => r.id) } });
        return after;
      });
      return { ...present(plan), abilities: referenceAbilities(actor) };
    },
  }),
];
