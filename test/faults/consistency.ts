// What "nothing half-done" means in the store after a crash: every change has its audit row,
// every audit row its change, and no file or task without the record it belongs to.
import type { Db } from '../../src/store/db.ts';

const count = async (db: Db, sql: string) => (await db.query<{ n: number }>(sql)).rows[0].n;

/** The broken invariants, each as a sentence; empty when the store is consistent. */
export async function inconsistencies(db: Db): Promise<string[]> {
  const checks: [string, string][] = [
    ['documents without their import audit row',
      `SELECT count(*)::int AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'document.import' AND a.entity_id = d.id::text)`],
    ['document.import audit rows without their document',
      `SELECT count(*)::int AS n FROM audit_log a WHERE a.action = 'document.import' AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id::text = a.entity_id)`],
    ['imported documents without tasks (half an import)',
      `SELECT count(*)::int AS n FROM documents d WHERE d.kind = 'report' AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.document_id = d.id)`],
    ['tasks pointing at a missing document',
      `SELECT count(*)::int AS n FROM tasks t WHERE t.document_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = t.document_id)`],
    ['assignments without their audit row',
      `SELECT count(*)::int AS n FROM assignments s WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'assignment' AND a.entity_id = s.id::text)`],
    ['assignment audit rows without their assignment',
      `SELECT count(*)::int AS n FROM audit_log a WHERE a.entity = 'assignment' AND NOT EXISTS (SELECT 1 FROM assignments s WHERE s.id::text = a.entity_id)`],
    ['assignment versions ahead of their audit rows',
      `SELECT count(*)::int AS n FROM assignments s WHERE s.version <> (SELECT count(*) FROM audit_log a WHERE a.entity = 'assignment' AND a.entity_id = s.id::text)`],
    ['progress reports without their submit audit row',
      `SELECT count(*)::int AS n FROM progress_reports r WHERE r.submitted_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'report.submit' AND a.entity_id = r.id::text)`],
    ['report audit rows without their report',
      `SELECT count(*)::int AS n FROM audit_log a WHERE a.entity = 'progress_report' AND NOT EXISTS (SELECT 1 FROM progress_reports r WHERE r.id::text = a.entity_id)`],
    ['evidence files without their audit row',
      `SELECT count(*)::int AS n FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'evidence.create' AND a.entity_id = e.id::text)`],
    ['evidence audit rows without their file',
      `SELECT count(*)::int AS n FROM audit_log a WHERE a.action = 'evidence.create' AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.id::text = a.entity_id)`],
    ['evidence files of a missing report',
      `SELECT count(*)::int AS n FROM evidence e WHERE e.report_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM progress_reports r WHERE r.id = e.report_id)`],
    ['evidence files whose bytes are not what was recorded',
      `SELECT count(*)::int AS n FROM evidence e WHERE e.content IS NOT NULL AND (length(e.content) <> e.size OR encode(sha256(e.content), 'hex') <> e.sha256)`],
  ];
  const out: string[] = [];
  for (const [what, sql] of checks) {
    const n = await count(db, sql);
    if (n > 0) out.push(`${n} ${what}`);
  }
  return out;
}
