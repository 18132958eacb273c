import { expect, it } from 'vitest';
import { json } from '../../src/store/db.ts';
import { loadMigrations, migrate, MigrationMismatchError } from '../../src/store/migrate.ts';
import { describeStores } from './stores.ts';

describeStores('store', (db, kind) => {
  it('reports its kind', () => {
    expect(db().kind).toBe(kind);
  });

  it('applies migrations once and records their checksums', async () => {
    expect(await migrate(db())).toEqual([]);
    const { rows } = await db().query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(loadMigrations().map((m) => m.name));
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a database whose applied migrations differ from the files', async () => {
    const changed = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'x' } : m));
    await expect(migrate(db(), changed)).rejects.toThrow(MigrationMismatchError);
    await expect(migrate(db(), [])).rejects.toThrow(/has no matching file/);
  });

  it('rolls back a transaction that throws', async () => {
    await expect(db().transaction(async (tx) => {
      await tx.query(`INSERT INTO organisations (name) VALUES ('回滚市')`);
      throw new Error('boom');
    })).rejects.toThrow('boom');
    const { rows } = await db().query(`SELECT 1 FROM organisations WHERE name = '回滚市'`);
    expect(rows).toHaveLength(0);
  });

  it('keeps bytes and JSON exactly', async () => {
    const bytes = new Uint8Array([0, 1, 254, 255, 0x0d, 0x0a]);
    const { rows } = await db().query<{ id: number }>(`INSERT INTO organisations (name) VALUES ('字节市') RETURNING id`);
    const doc = await db().query<{ content: Uint8Array; extraction: unknown }>(
      `INSERT INTO documents (organisation_id, name, format, size, sha256, content, extraction)
       VALUES ($1, 'a.txt', 'txt', 6, 'x', $2, $3::jsonb) RETURNING content, extraction`,
      [rows[0].id, bytes, json({ 目标: [1, 2], s: '增长6%左右' })]);
    expect(Array.from(doc.rows[0].content)).toEqual(Array.from(bytes));
    expect(doc.rows[0].extraction).toEqual({ 目标: [1, 2], s: '增长6%左右' });
  });

  it('keeps the audit log append-only', async () => {
    await db().query(`INSERT INTO audit_log (action, entity, entity_id) VALUES ('test', 'thing', '1')`);
    await expect(db().query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db().query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    const { rows } = await db().query(`SELECT action FROM audit_log WHERE entity = 'thing'`);
    expect(rows).toEqual([{ action: 'test' }]);
  });
});
