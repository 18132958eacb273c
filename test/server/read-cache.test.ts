import { describe, expect, it } from 'vitest';
import { ReadCache, watchWrites, writtenTables } from '../../src/server/read-cache.ts';
import type { Db, Queryable } from '../../src/store/db.ts';

/** A store that answers every statement with no rows and remembers what it was sent. */
function fakeStore() {
  const seen: string[] = [];
  const q: Queryable = { query: async (sql) => { seen.push(sql); return { rows: [], rowCount: 0 }; }, exec: async (sql) => { seen.push(sql); } };
  const db = { kind: 'pglite', ...q, transaction: (fn: (tx: Queryable) => Promise<unknown>) => fn(q), close: async () => {} } as Db;
  return { db, seen };
}

/** A computation that reads `table` and answers how often it has run. */
function reader(table: string) {
  let n = 0;
  return async (db: Queryable) => {
    await db.query(`SELECT * FROM ${table} t JOIN plans p ON p.id = t.plan_id`);
    return ++n;
  };
}

describe('writtenTables', () => {
  it.each([
    ['INSERT INTO progress_reports (task_id) VALUES ($1)', ['progress_reports']],
    ['UPDATE tasks SET status = $1, actual_percent = $2 WHERE id = $3', ['tasks']],
    ['UPDATE public."tasks" t SET no = $1 FROM plans p WHERE p.id = t.plan_id', ['tasks']],
    ['DELETE FROM sessions WHERE expires_at < now()', ['sessions']],
    ['INSERT INTO notifications (dedupe_key) VALUES ($1) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id', ['notifications']],
    ['INSERT INTO settings (organisation_id, rules) VALUES ($1, $2) ON CONFLICT (organisation_id) DO UPDATE SET rules = excluded.rules', ['settings']],
    ['WITH moved AS (UPDATE tasks SET no = $1 RETURNING id) INSERT INTO status_history (task_id) SELECT id FROM moved', ['tasks', 'status_history']],
    ['INSERT INTO audit_log (entity) SELECT entity FROM tasks', ['audit_log']],
    ['TRUNCATE comments, evidence', ['comments', 'evidence']],
  ])('%s writes %j', (sql, tables) => {
    expect(writtenTables(sql)?.sort()).toEqual([...tables].sort());
  });

  it.each([
    'CREATE TABLE x (id int)',
    'ALTER TABLE tasks ADD COLUMN x int',
    "SELECT setval('tasks_id_seq', 100)",
    'TRUNCATE plans CASCADE',
    'LOCK TABLE tasks',
    'VACUUM',
  ])('%s has a reach no table list describes', (sql) => {
    expect(writtenTables(sql)).toBeUndefined();
  });
});

describe('ReadCache', () => {
  it('keeps a result until a write to a table it read, and only for its time to live', async () => {
    let now = 0;
    const cache = new ReadCache(1_000, 10, () => now);
    const { db } = fakeStore();
    const compute = reader('tasks');
    expect(await cache.get('k', db, compute)).toBe(1);
    expect(await cache.get('k', db, compute)).toBe(1);
    cache.invalidate(['progress_reports']);
    expect(await cache.get('k', db, compute)).toBe(1);
    cache.invalidate(['tasks']);
    expect(await cache.get('k', db, compute)).toBe(2);
    cache.invalidate(['plans']);
    expect(await cache.get('k', db, compute)).toBe(3);
    cache.invalidate();
    expect(await cache.get('k', db, compute)).toBe(4);
    now = 1_500;
    expect(await cache.get('k', db, compute)).toBe(5);
  });

  it('does not keep a result when a table it read was written while it ran', async () => {
    const cache = new ReadCache();
    const { db } = fakeStore();
    const compute = reader('tasks');
    expect(await cache.get('k', db, async (q) => { const v = await compute(q); cache.invalidate(['tasks']); return v; })).toBe(1);
    expect(await cache.get('k', db, compute)).toBe(2);
    expect(await cache.get('k', db, async (q) => { const v = await compute(q); cache.invalidate(['evidence']); return v; })).toBe(2);
  });

  it('makes an answer built from cached parts depend on what the parts read, hit or not', async () => {
    const cache = new ReadCache();
    const { db } = fakeStore();
    const part = reader('tasks');
    const whole = (q: Queryable) => cache.get('part', q, part);
    expect(await cache.get('a', db, whole)).toBe(1);
    expect(await cache.get('b', db, whole)).toBe(1);
    cache.invalidate(['progress_reports']);
    expect(await cache.get('b', db, whole)).toBe(1);
    cache.invalidate(['tasks']);
    expect(await cache.get('b', db, whole)).toBe(2);
    expect(await cache.get('a', db, whole)).toBe(2);
  });

  it('runs one computation for concurrent misses on a key', async () => {
    const cache = new ReadCache();
    const { db } = fakeStore();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const compute = async () => { runs++; await gate; return runs; };
    const waiting = [cache.get('k', db, compute), cache.get('k', db, compute), cache.get('other', db, compute)];
    release();
    expect(await Promise.all(waiting)).toEqual([2, 2, 2]);
    expect(runs).toBe(2);
  });

  it('computes anew when asked for a fresh answer, and keeps it for the next reader', async () => {
    const cache = new ReadCache();
    const { db } = fakeStore();
    const compute = reader('tasks');
    expect(await cache.get('k', db, compute)).toBe(1);
    expect(await cache.get('k', db, compute, true)).toBe(2);
    expect(await cache.get('k', db, compute)).toBe(2);
  });

  it('does not join a computation that started before a write', async () => {
    const cache = new ReadCache();
    const { db } = fakeStore();
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const before = cache.get('k', db, async (q) => { await q.query('SELECT * FROM tasks'); await gate; return 'before'; });
    cache.invalidate(['tasks']);
    const after = cache.get('k', db, async () => 'after');
    release();
    expect(await before).toBe('before');
    expect(await after).toBe('after');
    expect(await cache.get('k', db, async () => 'later')).toBe('after');
  });
});

describe('watchWrites', () => {
  it('reports each write statement with its tables, and nothing for reads', async () => {
    const cache = new ReadCache();
    const { db: store, seen } = fakeStore();
    const db = watchWrites(store, cache);
    const lists = reader('tasks');
    await cache.get('k', db, lists);
    await db.query('SELECT 1');
    await db.query('WITH page AS (SELECT id FROM tasks) SELECT * FROM page');
    await db.query('SELECT * FROM tasks WHERE id = $1 FOR UPDATE', [1]);
    await db.transaction(async (tx) => tx.query('SELECT 1'));
    expect(await cache.get('k', db, lists)).toBe(1);
    await db.query('INSERT INTO progress_reports (task_id) VALUES ($1)', [1]);
    expect(await cache.get('k', db, lists)).toBe(1);
    await db.query('UPDATE tasks SET text = $1', ['x']);
    expect(await cache.get('k', db, lists)).toBe(2);
    await db.query('WITH moved AS (UPDATE tasks SET no = $1 RETURNING id) SELECT count(*) FROM moved', ['1']);
    expect(await cache.get('k', db, lists)).toBe(3);
    await db.exec('CREATE INDEX x ON units (name)');
    expect(await cache.get('k', db, lists)).toBe(4);
    expect(seen.filter((s) => !s.includes('JOIN plans'))).toHaveLength(8);
  });

  it('stales again at the end of a transaction what a reader computed between its write and its commit', async () => {
    const cache = new ReadCache();
    const { db: store } = fakeStore();
    const db = watchWrites(store, cache);
    const lists = reader('tasks');
    let inBetween = 0;
    await db.transaction(async (tx) => {
      await tx.query('UPDATE tasks SET status = $1', ['behind']);
      inBetween = await cache.get('k', db, lists);
    });
    expect(inBetween).toBe(1);
    expect(await cache.get('k', db, lists)).toBe(2);
  });

  it('treats a transaction with a statement of unknown reach as a write to everything', async () => {
    const cache = new ReadCache();
    const { db: store } = fakeStore();
    const db = watchWrites(store, cache);
    const lists = reader('units');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO comments (task_id) VALUES (1)');
      await cache.get('k', db, lists);
      await tx.query("SELECT setval('tasks_id_seq', 10)");
    });
    expect(await cache.get('k', db, lists)).toBe(2);
  });
});
