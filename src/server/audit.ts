import { json, type Queryable } from '../store/db.ts';

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId: number | string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit row; call it inside the transaction that makes the change. */
export async function audit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
    [e.userId, e.action, e.entity, e.entityId === null ? null : String(e.entityId),
      e.before === undefined ? null : json(stripBytes(e.before)), e.after === undefined ? null : json(stripBytes(e.after))]);
}

/** File contents do not belong in the audit log; their hashes do. */
function stripBytes(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => !(v instanceof Uint8Array)));
}
