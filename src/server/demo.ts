import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/db.ts';
import { audit } from './audit.ts';
import { importDocument, type DocumentKind, type ImportResult } from './import/import-document.ts';
import { createUser } from './users.ts';

/** The seed documents of the demo workspace: which organisation each belongs to, found by its number. */
const DEMO_DOCUMENTS: Array<{ prefix: string; org: string; kind?: DocumentKind; publish: boolean }> = [
  { prefix: '001_', org: '宁波市', kind: 'notice', publish: true },
  { prefix: '000_', org: '宁波市', kind: 'report', publish: false },
  { prefix: '002_', org: '余姚市', kind: 'half-year', publish: true },
  { prefix: '004_', org: '鄞州区', kind: 'report', publish: true },
  { prefix: '003_', org: '北仑区', kind: 'report', publish: true },
];

const ORGANISATIONS: Array<{ name: string; kind: string; parent?: string }> = [
  { name: '宁波市', kind: 'city' },
  { name: '鄞州区', kind: 'district', parent: '宁波市' },
  { name: '北仑区', kind: 'district', parent: '宁波市' },
  { name: '余姚市', kind: 'county', parent: '宁波市' },
];

export interface DemoResult {
  imported: Array<{ file: string; organisation: string } & Pick<ImportResult, 'kind' | 'year' | 'tasks' | 'assignments' | 'progressReports'>>;
  missing: string[];
  users: Array<{ username: string; role: string; unit?: string }>;
}

/**
 * Builds the demo workspace from the seed documents: Ningbo's 2019 notice
 * with its assignments (published), the 2020 report decomposed (a draft to
 * assign), Yuyao's half-year figures as progress, Yinzhou and Beilun as
 * districts with their own reports; plus a unit and a leader account.
 */
export async function buildDemo(db: Db, seedsDir: string, today: string, password: string): Promise<DemoResult> {
  const ids = new Map<string, number>();
  for (const o of ORGANISATIONS) {
    const found = await db.query<{ id: number }>('SELECT id FROM organisations WHERE name = $1 AND archived_at IS NULL', [o.name]);
    const id = found.rows[0]?.id ?? (await db.query<{ id: number }>(
      'INSERT INTO organisations (name, kind, parent_id) VALUES ($1, $2, $3) RETURNING id', [o.name, o.kind, o.parent ? ids.get(o.parent) : null])).rows[0].id;
    ids.set(o.name, id);
  }
  const files = existsSync(seedsDir) ? (await import('node:fs')).readdirSync(seedsDir) : [];
  const result: DemoResult = { imported: [], missing: [], users: [] };
  for (const d of DEMO_DOCUMENTS) {
    const file = files.find((f) => f.startsWith(d.prefix));
    if (!file) {
      result.missing.push(d.prefix);
      continue;
    }
    const r = await importDocument(db, null, { name: file, bytes: readFileSync(join(seedsDir, file)), organisationId: ids.get(d.org)!, kind: d.kind, today });
    if (d.publish) {
      await db.transaction(async (tx) => {
        await tx.query(`UPDATE plans SET status = 'published', version = version + 1 WHERE id = $1`, [r.planId]);
        await tx.query('UPDATE tasks SET published = true WHERE plan_id = $1', [r.planId]);
        await audit(tx, { userId: null, action: 'plan.publish', entity: 'plan', entityId: r.planId, after: { status: 'published' } });
      });
    }
    result.imported.push({ file, organisation: d.org, kind: r.kind, year: r.year, tasks: r.tasks, assignments: r.assignments, progressReports: r.progressReports });
  }
  // A unit account for the unit leading the most tasks, and a leader account for the leader with the largest portfolio.
  const unit = await db.query<{ id: number; name: string }>(
    `SELECT u.id, u.name FROM units u JOIN assignment_units au ON au.unit_id = u.id AND au.role = 'lead'
      GROUP BY u.id, u.name ORDER BY count(*) DESC, u.id LIMIT 1`);
  const leader = await db.query<{ id: number; name: string }>(
    `SELECT l.id, l.name FROM leaders l JOIN assignments a ON a.leader_id = l.id GROUP BY l.id, l.name ORDER BY count(*) DESC, l.id LIMIT 1`);
  await db.transaction(async (tx) => {
    const taken = async (u: string) => (await tx.query('SELECT 1 FROM users WHERE username = $1', [u])).rows.length > 0;
    if (unit.rows[0] && !(await taken('unit'))) {
      await createUser(tx, { username: 'unit', password, role: 'unit', unitId: unit.rows[0].id, displayName: unit.rows[0].name }, null);
      result.users.push({ username: 'unit', role: 'unit', unit: unit.rows[0].name });
    }
    if (leader.rows[0] && !(await taken('leader'))) {
      await createUser(tx, { username: 'leader', password, role: 'leader', leaderId: leader.rows[0].id, displayName: leader.rows[0].name }, null);
      result.users.push({ username: 'leader', role: 'leader', unit: leader.rows[0].name });
    }
    if (!(await taken('viewer'))) {
      await createUser(tx, { username: 'viewer', password, role: 'viewer' }, null);
      result.users.push({ username: 'viewer', role: 'viewer' });
    }
  });
  return result;
}
