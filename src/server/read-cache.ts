import type { Db, Queryable } from '../store/db.ts';

/**
 * Results of expensive reads (the task list, the dashboard roll-up), kept until the next write. Every
 * write through the app's store bumps the generation, and a result computed while a
 * write ran is not kept, so a reader never gets a result older than the last write it
 * could have seen. Writes by other processes (a second server or `luoshi import` on the
 * same PostgreSQL) are not seen: `ttlMs` bounds how long a result can lag behind them.
 * Concurrent misses on one key share one computation, so a burst after a write runs the
 * query once instead of once per waiting request.
 */
export class ReadCache {
  private generation = 0;
  private readonly entries = new Map<string, { value: unknown; generation: number; at: number }>();
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(private readonly ttlMs = 5_000, private readonly maxEntries = 500, private readonly clock = () => Date.now()) {}

  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.pending.clear();
  }

  /** `fresh` (a request's Cache-Control: no-cache) computes anew and keeps the result for others. */
  async get<T>(key: string, compute: () => Promise<T>, fresh = false): Promise<T> {
    if (!fresh) {
      const hit = this.entries.get(key);
      if (hit && hit.generation === this.generation && this.clock() - hit.at < this.ttlMs) return hit.value as T;
      const running = this.pending.get(key);
      if (running) return running as Promise<T>;
    }
    const generation = this.generation;
    const at = this.clock();
    const promise = compute();
    if (!fresh) this.pending.set(key, promise);
    try {
      const value = await promise;
      if (generation === this.generation) {
        if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, { value, generation, at });
      }
      return value;
    } finally {
      if (this.pending.get(key) === promise) this.pending.delete(key);
    }
  }
}

const READ = /^\s*(SELECT|SHOW|EXPLAIN|WITH)\b/i;
/** Data-modifying CTEs and sequence moves, which a statement starting like a read may hide. */
const WRITES = /\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|setval|nextval)\b/i;
const isRead = (sql: string) => READ.test(sql) && !WRITES.test(sql);

function watchQueryable(q: Queryable, cache: ReadCache): Queryable {
  return {
    async query(sql, params) {
      if (isRead(sql)) return q.query(sql, params);
      cache.invalidate();
      try {
        return await q.query(sql, params);
      } finally {
        cache.invalidate();
      }
    },
    async exec(sql) {
      cache.invalidate();
      try {
        await q.exec(sql);
      } finally {
        cache.invalidate();
      }
    },
  };
}

/** The store with every write (any statement but a read, any transaction) invalidating `cache`, before and after. */
export function watchWrites(db: Db, cache: ReadCache): Db {
  return {
    kind: db.kind,
    ...watchQueryable(db, cache),
    async transaction(fn) {
      cache.invalidate();
      try {
        return await db.transaction((tx) => fn(watchQueryable(tx, cache)));
      } finally {
        cache.invalidate();
      }
    },
    close: () => db.close(),
  };
}

/**
 * A cached JSON answer. The text is what is kept, so a hit costs no serialisation
 * (the 35 KB task list page took about a fifth of a cached request's time to stringify).
 */
export async function cachedJson(cache: ReadCache, key: string, compute: () => Promise<unknown>, fresh: boolean): Promise<Response> {
  const body = await cache.get(key, async () => JSON.stringify(await compute()), fresh);
  return new Response(body, { headers: { 'content-type': 'application/json' } });
}
