import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { backup, restore, RestoreRefusedError } from '../../src/store/backup.ts';
import type { Db } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';
import { makeWorkspace } from '../server/harness.ts';
import { describeStores, storeVariants } from './stores.ts';

/** The dump without its header line: rows only, in a fixed order. */
const rowsOf = (file: string) => readFileSync(file, 'utf8').split('\n').slice(1).join('\n');

describeStores('backup and restore', (db, kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-backup-'));
  beforeAll(async () => {
    await makeWorkspace(db());
    await db().query(`INSERT INTO documents (organisation_id, name, format, size, sha256, content, extraction)
      SELECT id, '原件.docx', 'docx', 4, 'x', '\\x00ff0d0a'::bytea, '{"说明":"全角,空格 ","n":[1.5,null]}' FROM organisations ORDER BY id LIMIT 1`);
  });

  it('restores into an empty store exactly what was backed up, and refuses a non-empty one', async () => {
    const first = join(dir, `a-${kind}.jsonl`);
    const counts = await backup(db(), first);
    expect(counts.users).toBe(5);
    expect(counts.audit_log).toBeGreaterThan(5);
    await expect(restore(db(), first)).rejects.toThrow(RestoreRefusedError);

    const variant = storeVariants.find((v) => v.kind === kind)!;
    const target: Db = await variant.open();
    try {
      await migrate(target);
      await restore(target, first);
      const second = join(dir, `b-${kind}.jsonl`);
      await backup(target, second);
      expect(rowsOf(second)).toBe(rowsOf(first));
      const { rows } = await target.query<{ content: Uint8Array }>(`SELECT content FROM documents WHERE name = '原件.docx'`);
      expect(Array.from(rows[0].content)).toEqual([0, 255, 13, 10]);
      // sequences continue after the restored ids
      const next = await target.query<{ id: number }>(`INSERT INTO organisations (name) VALUES ('新') RETURNING id`);
      expect(next.rows[0].id).toBeGreaterThan(3);
    } finally {
      await target.close();
    }
  }, 120_000);
});
