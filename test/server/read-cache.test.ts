import { expect, it } from 'vitest';
import { ReadCache, watchWrites } from '../../src/server/read-cache.ts';
import type { Db, Queryable } from '../../src/store/db.ts';

function counter() {
  let n = 0;
  return async () => ++n;
}

it('keeps a result until a write, and only for its time to live', async () => {
  let now = 0;
  const cache = new ReadCache(1_000, 10, () => now);
  const compute = counter();
  expect(await cache.get('k', compute)).toBe(1);
  expect(await cache.get('k', compute)).toBe(1);
  cache.invalidate();
  expect(await cache.get('k', compute)).toBe(2);
  now = 1_500;
  expect(await cache.get('k', compute)).toBe(3);
});

it('does not keep a result computed while a write ran', async () => {
  const cache = new ReadCache();
  const compute = counter();
  expect(await cache.get('k', async () => { const v = await compute(); cache.invalidate(); return v; })).toBe(1);
  expect(await cache.get('k', compute)).toBe(2);
});

it('treats every statement but a read, and every transaction, as a write', async () => {
  const cache = new ReadCache();
  const seen: string[] = [];
  const q: Queryable = { query: async (sql) => { seen.push(sql); return { rows: [], rowCount: 0 }; }, exec: async () => {} };
  const db = watchWrites({ kind: 'pglite', ...q, transaction: (fn) => fn(q), close: async () => {} } as Db, cache);
  const compute = counter();
  await cache.get('k', compute);
  await db.query('SELECT 1');
  expect(await cache.get('k', compute)).toBe(1);
  await db.query('WITH page AS (SELECT id FROM tasks) SELECT * FROM page');
  expect(await cache.get('k', compute)).toBe(1);
  await db.query('UPDATE tasks SET text = $1', ['x']);
  expect(await cache.get('k', compute)).toBe(2);
  await db.query('WITH moved AS (UPDATE tasks SET no = $1 RETURNING id) SELECT count(*) FROM moved', ['1']);
  expect(await cache.get('k', compute)).toBe(3);
  await db.transaction(async (tx) => tx.query('SELECT 1'));
  expect(await cache.get('k', compute)).toBe(4);
  expect(seen).toHaveLength(5);
});

it('runs one computation for concurrent misses on a key', async () => {
  const cache = new ReadCache();
  let runs = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const compute = async () => { runs++; await gate; return runs; };
  const waiting = [cache.get('k', compute), cache.get('k', compute), cache.get('other', compute)];
  release();
  expect(await Promise.all(waiting)).toEqual([2, 2, 2]);
  expect(runs).toBe(2);
});

it('computes anew when asked for a fresh answer, and keeps it for the next reader', async () => {
  const cache = new ReadCache();
  const compute = counter();
  expect(await cache.get('k', compute)).toBe(1);
  expect(await cache.get('k', compute, true)).toBe(2);
  expect(await cache.get('k', compute)).toBe(2);
});

it('does not join a computation that started before a write', async () => {
  const cache = new ReadCache();
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const before = cache.get('k', async () => { await gate; return 'before'; });
  cache.invalidate();
  const after = cache.get('k', async () => 'after');
  release();
  expect(await before).toBe('before');
  expect(await after).toBe('after');
  expect(await cache.get('k', async () => 'later')).toBe('after');
});
