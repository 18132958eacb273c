import type { Queryable } from './db.ts';

/**
 * Task queries. A task's effective assignment is its own, or else its
 * parent's (district quota rows and sub-tasks inherit their project's units).
 */
const EFFECTIVE_ASSIGNMENT = `
  LEFT JOIN LATERAL (
    SELECT * FROM (
      SELECT a.*, 0 AS preference FROM assignments a WHERE a.task_id = t.id AND a.archived_at IS NULL
      UNION ALL
      SELECT a.*, 1 FROM assignments a WHERE a.task_id = t.parent_id AND a.archived_at IS NULL) own_or_parent
    ORDER BY preference LIMIT 1) ea ON true`;

const TASK_COLUMNS = `
  t.id, t.plan_id, t.parent_id, t.document_id, t.kind, t.livelihood, t.no, t.position, t.text,
  t.span_start, t.span_end, t.targets, t.district_id, t.starts_on, t.deadline, t.published,
  t.status, t.actual_percent, t.actual_value, t.suggestion, t.closed_at, t.closed_by, t.created_at, t.updated_at, t.version,
  pl.year, pl.organisation_id,
  CASE WHEN p.kind = 'section' THEN p.id WHEN gp.kind = 'section' THEN gp.id END AS section_id,
  ea.id AS assignment_id, ea.leader_id, ea.leader_text, ea.person_in_charge, ea.version AS assignment_version,
  ea.deadline AS assignment_deadline, ld.name AS leader_name, d.name AS district_name,
  COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'role', au.role) ORDER BY au.role DESC, au.position)
              FROM assignment_units au JOIN units u ON u.id = au.unit_id
             WHERE au.assignment_id = ea.id), '[]'::json) AS units`;

const TASK_FROM = `
  FROM tasks t
  JOIN plans pl ON pl.id = t.plan_id
  LEFT JOIN tasks p ON p.id = t.parent_id
  LEFT JOIN tasks gp ON gp.id = p.parent_id
  ${EFFECTIVE_ASSIGNMENT}
  LEFT JOIN leaders ld ON ld.id = ea.leader_id
  LEFT JOIN organisations d ON d.id = t.district_id`;

export interface TaskRow {
  id: number; plan_id: number; parent_id: number | null; kind: string; no: string; text: string;
  targets: unknown[]; deadline: string | null; starts_on: string | null; published: boolean; status: string;
  actual_percent: number | null; actual_value: number | null; closed_at: Date | null; version: number;
  year: number; organisation_id: number; section_id: number | null; district_id: number | null;
  assignment_id: number | null; leader_id: number | null; assignment_version: number | null;
  units: Array<{ id: number; name: string; role: 'lead' | 'co' }>;
  [key: string]: unknown;
}

/** Who may see what: a unit its own units' tasks, a leader its portfolio. */
export interface Visibility {
  unitId?: number;
  leaderId?: number;
  /** Public disclosure: published tasks of published plans only. */
  publicOnly?: boolean;
}

export interface TaskFilters {
  planId?: number;
  organisationId?: number;
  sectionId?: number;
  parentId?: number;
  unitId?: number;
  leaderId?: number;
  districtId?: number;
  kind?: string;
  status?: string;
  livelihood?: boolean;
  deadlineBefore?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

function where(f: TaskFilters, v: Visibility, params: unknown[]): string {
  const add = (value: unknown) => { params.push(value); return `$${params.length}`; };
  const conds = ['t.archived_at IS NULL'];
  const hasUnit = (unit: number) =>
    `EXISTS (SELECT 1 FROM assignment_units au WHERE au.assignment_id = ea.id AND au.unit_id = ${add(unit)})`;
  if (v.unitId !== undefined) conds.push(hasUnit(v.unitId));
  if (v.leaderId !== undefined) conds.push(`ea.leader_id = ${add(v.leaderId)}`);
  if (v.publicOnly) conds.push(`t.published AND pl.status = 'published'`);
  if (f.planId !== undefined) conds.push(`t.plan_id = ${add(f.planId)}`);
  if (f.organisationId !== undefined) conds.push(`pl.organisation_id = ${add(f.organisationId)}`);
  if (f.sectionId !== undefined) { const s = add(f.sectionId); conds.push(`(p.id = ${s} OR gp.id = ${s})`); }
  if (f.parentId !== undefined) conds.push(`t.parent_id = ${add(f.parentId)}`);
  if (f.unitId !== undefined) conds.push(hasUnit(f.unitId));
  if (f.leaderId !== undefined) conds.push(`ea.leader_id = ${add(f.leaderId)}`);
  if (f.districtId !== undefined) conds.push(`t.district_id = ${add(f.districtId)}`);
  if (f.kind !== undefined) conds.push(`t.kind = ${add(f.kind)}`);
  if (f.status !== undefined) conds.push(`t.status = ${add(f.status)}`);
  if (f.livelihood !== undefined) conds.push(`t.livelihood = ${add(f.livelihood)}`);
  if (f.deadlineBefore !== undefined) conds.push(`COALESCE(t.deadline, make_date(pl.year, 12, 31)) <= ${add(f.deadlineBefore)}::date`);
  if (f.q) {
    // Substring match: Chinese has no spaces, and 生产总值 must find 地区生产总值.
    const q = add(`%${f.q.replace(/[\\%_]/g, (ch) => '\\' + ch)}%`);
    conds.push(`(t.text ILIKE ${q} OR t.no ILIKE ${q})`);
  }
  return conds.join(' AND ');
}

/**
 * One round trip: the filtered, ordered page of ids (with the total as a window count) over
 * the joins the filters need, then the full columns for that page only — the units'
 * json_agg and the other joins no longer run for rows skipped by OFFSET.
 */
export async function listTasks(db: Queryable, f: TaskFilters, v: Visibility = {}): Promise<{ rows: TaskRow[]; total: number }> {
  const params: unknown[] = [];
  const cond = where(f, v, params);
  const page = [...params, f.limit ?? 200, f.offset ?? 0];
  // The page is chosen over only the joins its conditions name: a plan's list filters on
  // tasks and plans alone, and the effective-assignment lateral then runs for the page only.
  const pageFrom = `FROM tasks t JOIN plans pl ON pl.id = t.plan_id
    ${/\b(p|gp)\./.test(cond) ? 'LEFT JOIN tasks p ON p.id = t.parent_id LEFT JOIN tasks gp ON gp.id = p.parent_id' : ''}
    ${/\bea\./.test(cond) ? EFFECTIVE_ASSIGNMENT : ''}`;
  const { rows } = await db.query<TaskRow & { total: number }>(
    `WITH page AS (
       SELECT t.id, t.plan_id AS order_plan, t.position AS order_position, count(*) OVER ()::int AS total
         ${pageFrom} WHERE ${cond}
        ORDER BY t.plan_id, t.position, t.id LIMIT $${page.length - 1} OFFSET $${page.length})
     SELECT ${TASK_COLUMNS}, page.total
       FROM page JOIN tasks t ON t.id = page.id
       JOIN plans pl ON pl.id = t.plan_id
       LEFT JOIN tasks p ON p.id = t.parent_id
       LEFT JOIN tasks gp ON gp.id = p.parent_id
       ${EFFECTIVE_ASSIGNMENT}
       LEFT JOIN leaders ld ON ld.id = ea.leader_id
       LEFT JOIN organisations d ON d.id = t.district_id
      ORDER BY page.order_plan, page.order_position, page.id`, page);
  if (rows.length === 0 && (f.offset ?? 0) > 0) {
    // Past the last page the window count has no row to ride on.
    const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${TASK_FROM} WHERE ${cond}`, params);
    return { rows, total: total.rows[0].n };
  }
  const total = rows[0]?.total ?? 0;
  for (const r of rows) delete (r as Partial<typeof r>).total;
  return { rows, total };
}

export async function getTask(db: Queryable, id: number): Promise<TaskRow | undefined> {
  const { rows } = await db.query<TaskRow>(`SELECT ${TASK_COLUMNS} ${TASK_FROM} WHERE t.id = $1 AND t.archived_at IS NULL`, [id]);
  return rows[0];
}
