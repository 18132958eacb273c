// The benchmark workspace of issue 4 (10 organisations × 300 tasks × 12 monthly reports), the
// same shape as bench/api.bench.ts seeds, plus the accounts the load test signs in with:
// two unit users per organisation, one leader user per organisation, and the office.
import type { Db } from '../../src/store/db.ts';
import { createUser } from '../../src/server/users.ts';

export const ORGS = 10;
export const TASKS = 300;
export const MONTHS = 12;
export const UNITS_PER_ORG = 20;
export const UNIT_USERS_PER_ORG = 2;
export const OFFICE_USERS = 4;
export const PASSWORD = 'load-password';

export interface Account { username: string; role: 'admin' | 'unit' | 'leader'; organisation: number }

export function accounts(): Account[] {
  const out: Account[] = [];
  for (let o = 1; o <= ORGS; o++) {
    for (let u = 1; u <= UNIT_USERS_PER_ORG; u++) out.push({ username: `unit-${o}-${u}`, role: 'unit', organisation: o });
    out.push({ username: `leader-${o}`, role: 'leader', organisation: o });
  }
  for (let i = 1; i <= OFFICE_USERS; i++) out.push({ username: `office-${i}`, role: 'admin', organisation: 1 + (i % ORGS) });
  return out;
}

/** The 10 × 300 × 12 workspace both the API bench and the load test run on, inside the caller's transaction. */
export async function seedBenchWorkspace(tx: Pick<Db, 'query'>): Promise<void> {
  await tx.query(`INSERT INTO organisations (name) SELECT '城市' || g FROM generate_series(1, ${ORGS}) g`);
  await tx.query(`INSERT INTO plans (organisation_id, year, title, status) SELECT id, 2020, name || '2020年目标任务', 'published' FROM organisations`);
  await tx.query(`INSERT INTO units (organisation_id, name) SELECT o.id, '单位' || g FROM organisations o, generate_series(1, ${UNITS_PER_ORG}) g`);
  await tx.query(`INSERT INTO leaders (organisation_id, name) SELECT o.id, '领导' || g FROM organisations o, generate_series(1, 5) g`);
  await tx.query(`INSERT INTO tasks (plan_id, kind, no, text, position, published, status, actual_percent)
    SELECT p.id, 'task', g::text, '第' || g || '项:地区生产总值增长6.5%左右,新增城镇就业' || g || '万人', g, true,
           (ARRAY['not_started','on_track','behind','seriously_behind','overdue'])[1 + g % 5], (g % 100)::float
      FROM plans p, generate_series(1, ${TASKS}) g`);
  await tx.query(`INSERT INTO assignments (task_id, leader_id)
    SELECT t.id, (SELECT l.id FROM leaders l WHERE l.organisation_id = p.organisation_id ORDER BY l.id OFFSET t.position % 5 LIMIT 1)
      FROM tasks t JOIN plans p ON p.id = t.plan_id`);
  await tx.query(`INSERT INTO assignment_units (assignment_id, unit_id, role)
    SELECT a.id, (SELECT u.id FROM units u WHERE u.organisation_id = p.organisation_id ORDER BY u.id OFFSET t.position % ${UNITS_PER_ORG} LIMIT 1), 'lead'
      FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN plans p ON p.id = t.plan_id`);
  await tx.query(`INSERT INTO progress_reports (task_id, period, percent, narrative, status)
    SELECT t.id, '2020-' || lpad(m::text, 2, '0'), least(100, m * 8), '按序时推进', 'accepted' FROM tasks t, generate_series(1, ${MONTHS}) m`);
}

export async function seedLoadWorkspace(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await seedBenchWorkspace(tx);
    for (const a of accounts()) {
      let unitId: number | null = null;
      let leaderId: number | null = null;
      if (a.role === 'unit') {
        const n = Number(a.username.split('-')[2]);
        unitId = (await tx.query<{ id: number }>('SELECT id FROM units WHERE organisation_id = $1 ORDER BY id OFFSET $2 LIMIT 1', [a.organisation, n - 1])).rows[0].id;
      }
      if (a.role === 'leader') {
        leaderId = (await tx.query<{ id: number }>('SELECT id FROM leaders WHERE organisation_id = $1 ORDER BY id LIMIT 1', [a.organisation])).rows[0].id;
      }
      await createUser(tx, { username: a.username, password: PASSWORD, role: a.role, unitId, leaderId }, null);
    }
  });
}

/** What the store holds of the load test's writes, marked by `load:` narratives and `edit:` texts. */
export async function storeFigures(db: Db): Promise<Record<string, number>> {
  const one = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0].n;
  return {
    reports: await one(`SELECT count(*)::int AS n FROM progress_reports WHERE narrative LIKE 'load:%'`),
    distinctReports: await one(`SELECT count(DISTINCT narrative)::int AS n FROM progress_reports WHERE narrative LIKE 'load:%'`),
    acceptedReports: await one(`SELECT count(*)::int AS n FROM progress_reports WHERE narrative LIKE 'load:%' AND status = 'accepted'`),
    evidence: await one(`SELECT count(*)::int AS n FROM evidence e JOIN progress_reports r ON r.id = e.report_id WHERE r.narrative LIKE 'load:%'`),
    orphanEvidence: await one(`SELECT count(*)::int AS n FROM evidence e LEFT JOIN progress_reports r ON r.id = e.report_id WHERE e.report_id IS NOT NULL AND r.id IS NULL`),
    auditSubmits: await one(`SELECT count(*)::int AS n FROM audit_log a JOIN progress_reports r ON a.entity_id = r.id::text
                               WHERE a.action = 'report.submit' AND r.narrative LIKE 'load:%'`),
    auditEvidence: await one(`SELECT count(*)::int AS n FROM audit_log a JOIN evidence e ON a.entity_id = e.id::text
                                JOIN progress_reports r ON r.id = e.report_id WHERE a.action = 'evidence.create' AND r.narrative LIKE 'load:%'`),
    auditAccepts: await one(`SELECT count(*)::int AS n FROM audit_log a JOIN progress_reports r ON a.entity_id = r.id::text
                               WHERE a.action = 'report.accept' AND r.narrative LIKE 'load:%'`),
    auditEdits: await one(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'task.update' AND after->>'text' LIKE 'edit:%'`),
    distinctEdits: await one(`SELECT count(DISTINCT after->>'text')::int AS n FROM audit_log WHERE action = 'task.update' AND after->>'text' LIKE 'edit:%'`),
    /** Every edit bumps the version by one and nothing else does: the sum of bumps is the number of accepted edits. */
    versionBumps: await one(`SELECT coalesce(sum(version - 1), 0)::int AS n FROM tasks`),
  };
}
