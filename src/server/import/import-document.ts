import { createHash } from 'node:crypto';
import { buildModel, type SuggestionModel } from '../../assign/suggest.ts';
import { type NoticeInput, parseBreakdown } from '../../extract/breakdown/index.ts';
import { isWorkbook, readNotice, tablesAsText } from '../../extract/breakdown/read-notice.ts';
import type { BreakdownNotice } from '../../extract/breakdown/types.ts';
import type { Message } from '../../extract/message.ts';
import type { QuantityRecord } from '../../extract/quantity.ts';
import { analyse } from '../../pipeline.ts';
import { readDocument } from '../../text/read.ts';
import { RefusedInput, type SourceDocument } from '../../text/source.ts';
import { matchCandidates, type TargetRecord } from '../../track/match.ts';
import { json, type Db, type Queryable } from '../../store/db.ts';
import { setAssignment } from '../assignment.ts';
import { audit } from '../audit.ts';
import { badRequest } from '../problem.ts';
import { refreshTaskStatus } from '../task-status.ts';
import type { DraftTask } from './draft.ts';
import { tasksFromNotice } from './from-notice.ts';
import { tasksFromReport } from './from-report.ts';

export type DocumentKind = 'report' | 'half-year' | 'notice';

export interface ImportRequest {
  name: string;
  bytes: Uint8Array;
  organisationId: number;
  /** Plan year; by default the year the document states. */
  year?: number;
  /** By default: a notice when the breakdown parser finds items, a half-year report when its head says 上半年, else a report. */
  kind?: DocumentKind;
  today: string;
}

export interface ImportResult {
  documentId: number;
  planId: number;
  kind: DocumentKind;
  year: number;
  tasks: number;
  assignments: number;
  /** Actuals offered for confirmation against earlier targets, and reports filed from half-year figures. */
  actuals: number;
  progressReports: number;
  messages: Message[];
}

interface Reading {
  kind: DocumentKind;
  year?: number;
  drafts: DraftTask[];
  actuals: QuantityRecord[];
  extraction: Record<string, unknown>;
  messages: Message[];
}

function noticeYear(n: BreakdownNotice): number | undefined {
  const m = /((?:19|20)\d{2})年/.exec(n.title ?? '') ?? (n.date ? /^(\d{4})/.exec(n.date) : null);
  return m ? Number(m[1]) : undefined;
}

function noticeReading(notice: BreakdownNotice): Reading {
  return { kind: 'notice', year: noticeYear(notice), drafts: tasksFromNotice(notice), actuals: [], extraction: { notice }, messages: notice.findings };
}

/**
 * Pure: what the document holds, as tasks and actuals. A report's tasks carry the
 * suggestions of `model` (lead unit, co-units, leader) when one is given.
 */
export function readForImport(source: SourceDocument, kind?: DocumentKind, model?: SuggestionModel): Reading {
  if (kind === undefined || kind === 'notice') {
    const notice = parseBreakdown({ text: source.text, blocks: source.blocks });
    const items = notice.sections.reduce((n, s) => n + s.items.length, 0) + notice.projects.length;
    if (items > 0 || kind === 'notice') return noticeReading(notice);
  }
  const analysis = analyse(source);
  const detected: DocumentKind = kind ?? (/上半年/.test(source.text.slice(0, 600)) ? 'half-year' : 'report');
  return {
    kind: detected,
    year: analysis.outline.year,
    drafts: tasksFromReport(analysis, model),
    actuals: analysis.quantities.filter((q) => q.kind === 'actual'),
    extraction: { quantities: analysis.quantities, outline: analysis.outline },
    messages: analysis.messages,
  };
}

class Directory {
  private units = new Map<string, number>();
  private leaders = new Map<string, number>();
  private districts = new Map<string, number>();
  created = { units: 0, leaders: 0, districts: 0 };

  constructor(private tx: Queryable, private organisationId: number) {}

  async load() {
    const u = await this.tx.query<{ id: number; name: string; aliases: string[] }>(
      'SELECT id, name, aliases FROM units WHERE organisation_id = $1 AND archived_at IS NULL', [this.organisationId]);
    for (const r of u.rows) for (const n of [r.name, ...r.aliases]) this.units.set(n, r.id);
    const l = await this.tx.query<{ id: number; name: string }>('SELECT id, name FROM leaders WHERE organisation_id = $1 AND archived_at IS NULL', [this.organisationId]);
    for (const r of l.rows) this.leaders.set(r.name, r.id);
    const d = await this.tx.query<{ id: number; name: string }>('SELECT id, name FROM organisations WHERE parent_id = $1 AND archived_at IS NULL', [this.organisationId]);
    for (const r of d.rows) this.districts.set(placeKey(r.name), r.id);
  }

  async unit(name: string): Promise<number> {
    const found = this.units.get(name);
    if (found) return found;
    const { rows } = await this.tx.query<{ id: number }>('INSERT INTO units (organisation_id, name) VALUES ($1, $2) RETURNING id', [this.organisationId, name]);
    this.units.set(name, rows[0].id);
    this.created.units++;
    return rows[0].id;
  }

  async leader(name: string): Promise<number> {
    const found = this.leaders.get(name);
    if (found) return found;
    const { rows } = await this.tx.query<{ id: number }>('INSERT INTO leaders (organisation_id, name) VALUES ($1, $2) RETURNING id', [this.organisationId, name]);
    this.leaders.set(name, rows[0].id);
    this.created.leaders++;
    return rows[0].id;
  }

  async district(name: string): Promise<number> {
    const key = placeKey(name);
    const found = this.districts.get(key);
    if (found) return found;
    const { rows } = await this.tx.query<{ id: number }>(
      `INSERT INTO organisations (name, kind, parent_id) VALUES ($1, 'district', $2) RETURNING id`, [name, this.organisationId]);
    this.districts.set(key, rows[0].id);
    this.created.districts++;
    return rows[0].id;
  }
}

/** Districts are written with or without their suffix: 海曙 = 海曙区. */
const placeKey = (s: string) => s.replace(/\s+/g, '').replace(/(新区|区|县|市)$/, '');

async function planFor(tx: Queryable, organisationId: number, year: number, userId: number | null): Promise<number> {
  const found = await tx.query<{ id: number }>(
    'SELECT id FROM plans WHERE organisation_id = $1 AND year = $2 AND archived_at IS NULL ORDER BY id LIMIT 1', [organisationId, year]);
  if (found.rows[0]) return found.rows[0].id;
  const { rows } = await tx.query<{ id: number; name: string }>(
    `INSERT INTO plans (organisation_id, year, title) SELECT $1, $2, name || $3 FROM organisations WHERE id = $1 RETURNING id`,
    [organisationId, year, `${year}年政府工作报告目标任务`]);
  await audit(tx, { userId, action: 'plan.create', entity: 'plan', entityId: rows[0].id, after: { organisation_id: organisationId, year } });
  return rows[0].id;
}

async function storeTasks(tx: Queryable, dir: Directory, planId: number, documentId: number, drafts: DraftTask[], userId: number | null, today: string) {
  const ids = new Map<string, number>();
  let assignments = 0;
  const start = await tx.query<{ n: number }>('SELECT COALESCE(max(position), 0)::int AS n FROM tasks WHERE plan_id = $1', [planId]);
  for (const [i, d] of drafts.entries()) {
    const districtId = d.district ? await dir.district(d.district) : null;
    const { rows } = await tx.query<{ id: number }>(
      `INSERT INTO tasks (plan_id, parent_id, document_id, kind, livelihood, no, position, text, span_start, span_end, targets, district_id, deadline, suggestion)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14::jsonb) RETURNING id`,
      [planId, d.parentKey ? ids.get(d.parentKey) ?? null : null, documentId, d.kind, d.livelihood ?? false, d.no, start.rows[0].n + i + 1,
        d.text, d.span?.start ?? null, d.span?.end ?? null, json(d.targets), districtId, d.deadline ?? null, d.suggestion ? json(d.suggestion) : null]);
    ids.set(d.key, rows[0].id);
    if (d.kind !== 'section' && (d.units.length || d.leaders.length)) {
      const unitIds = [];
      for (const u of d.units) unitIds.push(await dir.unit(u));
      const leaderId = d.leaders.length ? await dir.leader(d.leaders[0]) : null;
      await setAssignment(tx, null, rows[0].id, {
        leadUnitId: unitIds[0] ?? null, coUnitIds: unitIds.slice(1), leaderId, leaderText: d.leaders.join('、'),
        personInCharge: (d.people ?? []).join('、'), deadline: d.deadline ?? null,
      }, null);
      assignments++;
    }
    if (d.kind !== 'section') await refreshTaskStatus(tx, rows[0].id, today, userId);
  }
  await audit(tx, { userId, action: 'task.import', entity: 'plan', entityId: planId, after: { document_id: documentId, tasks: drafts.length } });
  return { tasks: ids.size, assignments };
}

/**
 * Offers extracted actuals against the targets of the organisation's plan
 * for `year` (unconfirmed, for the office to confirm). From a half-year
 * report the matched figures also become accepted progress reports, on the
 * organisation's own targets and on its parent's (a district or county
 * reports its share of the city's tasks).
 */
async function attachActuals(tx: Queryable, organisationId: number, year: number, documentId: number, actuals: QuantityRecord[], asProgress: boolean, userId: number | null, today: string) {
  if (actuals.length === 0) return { actuals: 0, progressReports: 0 };
  const { rows } = await tx.query<{ id: number; targets: Array<Partial<TargetRecord>>; unit_id: number | null }>(
    `SELECT t.id, t.targets,
            (SELECT au.unit_id FROM assignments a JOIN assignment_units au ON au.assignment_id = a.id
              WHERE a.task_id = t.id AND au.role = 'lead' LIMIT 1) AS unit_id
       FROM tasks t JOIN plans p ON p.id = t.plan_id
      WHERE p.year = $2 AND t.archived_at IS NULL AND t.kind <> 'section' AND t.closed_at IS NULL
        AND (p.organisation_id = $1 OR ($3 AND p.organisation_id = (SELECT parent_id FROM organisations WHERE id = $1)))`,
    [organisationId, year, asProgress]);
  const orgName = (await tx.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [organisationId])).rows[0]?.name ?? '';
  let attached = 0;
  let reports = 0;
  // Progress is a part-year figure against a whole-year target: match as if the periods agreed.
  const pool = asProgress ? actuals.map((a) => ({ ...a, period: String(year) })) : actuals;
  for (const task of rows) {
    for (const [index, target] of task.targets.entries()) {
      if (typeof target.value !== 'number' || !target.indicator || !target.cmp || target.stretch) continue;
      const best = matchCandidates(target as TargetRecord, pool)[0];
      if (!best || best.confidence < 0.6) continue;
      await tx.query(
        `INSERT INTO actuals (task_id, target_index, value, text, period, source, document_id, created_by)
         VALUES ($1, $2, $3, $4, $5, 'extraction', $6, $7)`,
        [task.id, index, best.actual.value ?? null, best.actual.quote, actuals[best.index].period ?? String(year), documentId, userId]);
      attached++;
      if (asProgress && index === 0) {
        await tx.query(
          `INSERT INTO progress_reports (task_id, unit_id, period, value, narrative, status, submitted_by, reviewed_by, reviewed_at)
           VALUES ($1, $2, $3, $4, $5, 'accepted', $6, $6, now())`,
          [task.id, task.unit_id, `${year}-H1`, best.actual.value ?? null, `${orgName}: ${best.actual.quote}`, userId]);
        await refreshTaskStatus(tx, task.id, today, userId, 'half-year figures');
        reports++;
      }
    }
  }
  await audit(tx, { userId, action: 'actual.import', entity: 'document', entityId: documentId, after: { actuals: attached, progress_reports: reports } });
  return { actuals: attached, progressReports: reports };
}

/**
 * The model that suggests units and leaders for a report's tasks: learnt from the notices
 * already imported for the organisation and the one above it (a district learns from its
 * city's), on top of the built-in department duties, which work with no notice at all.
 */
async function suggestionModel(db: Queryable, organisationId: number): Promise<SuggestionModel> {
  const { rows } = await db.query<{ notice: Parameters<typeof buildModel>[0][number] }>(
    `SELECT extraction->'notice' AS notice FROM documents
      WHERE kind = 'notice' AND archived_at IS NULL AND extraction ? 'notice'
        AND (organisation_id = $1 OR organisation_id = (SELECT parent_id FROM organisations WHERE id = $1))
      ORDER BY id`, [organisationId]);
  return buildModel(rows.map((r) => r.notice));
}

/** The file read by its reader: a workbook as a notice's tables, anything else through readDocument. */
async function read(db: Queryable, req: ImportRequest): Promise<{ source: Pick<SourceDocument, 'name' | 'text'> & { format: string }; reading: Reading }> {
  if (isWorkbook(req.bytes, req.name)) {
    if (req.kind && req.kind !== 'notice') throw badRequest(`${req.name}: a workbook can only be imported as a notice`);
    let input: NoticeInput;
    try {
      input = await readNotice(req.bytes, req.name);
    } catch (err) {
      if (err instanceof RefusedInput) throw badRequest(err.message);
      throw err;
    }
    return { source: { name: req.name, format: 'xlsx', text: tablesAsText(input.tables ?? []) }, reading: noticeReading(parseBreakdown(input)) };
  }
  let source: SourceDocument;
  try {
    source = await readDocument(req.bytes, req.name);
  } catch (err) {
    if (err instanceof RefusedInput) throw badRequest(err.message);
    throw err;
  }
  const model = req.kind === 'notice' ? undefined : await suggestionModel(db, req.organisationId);
  return { source, reading: readForImport(source, req.kind, model) };
}

/**
 * Imports one report or notice: keeps the original bytes and the
 * extraction, creates the plan, tasks, units, leaders, districts and
 * assignments — all in one transaction, so a crash leaves no half import.
 */
export async function importDocument(db: Db, userId: number | null, req: ImportRequest): Promise<ImportResult> {
  const { source, reading } = await read(db, req);
  const year = req.year ?? reading.year;
  if (!year) throw badRequest(`${req.name}: the document states no year; give one`);
  const sha256 = createHash('sha256').update(req.bytes).digest('hex');
  return db.transaction(async (tx) => {
    const planId = await planFor(tx, req.organisationId, year, userId);
    const doc = await tx.query<{ id: number }>(
      `INSERT INTO documents (organisation_id, plan_id, name, kind, format, size, sha256, content, text, extraction, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11) RETURNING id`,
      [req.organisationId, planId, source.name, reading.kind, source.format, req.bytes.length, sha256, req.bytes, source.text,
        json({ ...reading.extraction, messages: reading.messages }), userId]);
    const documentId = doc.rows[0].id;
    await audit(tx, { userId, action: 'document.import', entity: 'document', entityId: documentId, after: { name: source.name, kind: reading.kind, sha256, size: req.bytes.length } });
    const dir = new Directory(tx, req.organisationId);
    await dir.load();
    const stored = await storeTasks(tx, dir, planId, documentId, reading.drafts, userId, req.today);
    const attached = reading.kind === 'half-year'
      ? await attachActuals(tx, req.organisationId, year, documentId, reading.actuals, true, userId, req.today)
      : await attachActuals(tx, req.organisationId, year - 1, documentId, reading.actuals, false, userId, req.today);
    return { documentId, planId, kind: reading.kind, year, ...stored, ...attached, messages: reading.messages };
  });
}
