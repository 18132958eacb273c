import type { Db, Queryable } from '../store/db.ts';

const READS = Symbol('reads');
/** The Queryable a cached computation reads through: it notes the words of every statement. */
type Recording = Queryable & { [READS]?: Set<string> };

interface Entry {
  value: unknown;
  /** The write clock when the computation started: a write to one of `reads` after it makes the entry stale. */
  at: number;
  reads: Set<string>;
  time: number;
}

/**
 * Results of expensive reads (the task list, the dashboard roll-up, sessions), kept until a
 * write to a table they read. A computation runs its SQL through a recorder that notes every
 * word of it — each table it reads is one of them — and every write through the app's store
 * names the tables it writes (`writtenTables`), or everything when that is not certain. A
 * result is not kept when a table it read was written while it ran, so a reader never gets a
 * result older than the last write it could have seen; a unit's report submission thus leaves
 * the cached task lists (which read no reports) alone, and clears the dashboards (whose trend
 * counts reports). Writes by other processes (a second server or `luoshi import` on the same
 * PostgreSQL) are not seen: `ttlMs` bounds how long a result can lag behind them. Concurrent
 * misses on one key share one computation, unless a write came between them.
 */
export class ReadCache {
  /** Counts writes; entries and computations remember where it stood when they started. */
  private clock = 0;
  /** The clock at the last write of unknown reach, which stales everything before it. */
  private everything = 0;
  private readonly lastWrite = new Map<string, number>();
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, { promise: Promise<unknown>; at: number; reads: Set<string> }>();

  constructor(private readonly ttlMs = 5_000, private readonly maxEntries = 500, private readonly now = () => Date.now()) {}

  /** A write to `tables`, or to anything when they are not given. */
  invalidate(tables?: Iterable<string>): void {
    this.clock++;
    if (tables === undefined) {
      this.everything = this.clock;
      this.entries.clear();
      return;
    }
    for (const table of tables) this.lastWrite.set(table, this.clock);
  }

  private stale(at: number, reads: Set<string>): boolean {
    if (this.everything > at) return true;
    for (const [table, clock] of this.lastWrite) if (clock > at && reads.has(table)) return true;
    return false;
  }

  /**
   * The cached result of `compute`, which must read through the Queryable it is given.
   * `fresh` (a request's Cache-Control: no-cache) computes anew and keeps the result for others.
   */
  async get<T>(key: string, db: Queryable, compute: (db: Queryable) => Promise<T>, fresh = false): Promise<T> {
    // A cached part of a larger cached answer: what the part read, the whole read too.
    const outer = (db as Recording)[READS];
    if (!fresh) {
      const hit = this.entries.get(key);
      if (hit && !this.stale(hit.at, hit.reads) && this.now() - hit.time < this.ttlMs) {
        hit.reads.forEach((w) => outer?.add(w));
        return hit.value as T;
      }
      const running = this.pending.get(key);
      if (running && running.at === this.clock) {
        const value = await running.promise;
        running.reads.forEach((w) => outer?.add(w));
        return value as T;
      }
    }
    const at = this.clock;
    const time = this.now();
    const reads = new Set<string>();
    const note = (sql: string) => { for (const word of sql.toLowerCase().match(WORD) ?? []) reads.add(word); };
    const recording: Recording = {
      [READS]: reads,
      query: (sql, params) => { note(sql); return db.query(sql, params); },
      exec: (sql) => { note(sql); return db.exec(sql); },
    };
    const promise = compute(recording);
    if (!fresh) this.pending.set(key, { promise, at, reads });
    try {
      const value = await promise;
      reads.forEach((w) => outer?.add(w));
      if (!this.stale(at, reads)) {
        if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
        this.entries.set(key, { value, at, reads, time });
      }
      return value;
    } finally {
      if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
    }
  }
}

const WORD = /[a-z_][a-z0-9_]*/g;
const READ = /^\s*(SELECT|SHOW|EXPLAIN|WITH)\b/i;
/** Row locks (SELECT … FOR UPDATE) change no data. */
const ROW_LOCK = /\bFOR\s+(?:NO\s+KEY\s+UPDATE|UPDATE|KEY\s+SHARE|SHARE)\b/gi;
/** Data-modifying CTEs and sequence moves, which a statement starting like a read may hide. */
const WRITES = /\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|setval|nextval)\b/i;
const isRead = (sql: string) => READ.test(sql) && !WRITES.test(sql.replace(ROW_LOCK, ' '));
const NAME = String.raw`(?:"?[A-Za-z_][A-Za-z0-9_]*"?\s*\.\s*)?"?([A-Za-z_][A-Za-z0-9_]*)"?`;
const TARGET = new RegExp(String.raw`\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|COPY)\s+(?:ONLY\s+)?${NAME}`, 'gi');
const TRUNCATE = /\bTRUNCATE\s+(?:TABLE\s+)?([^;]*)/gi;
/** One table of a TRUNCATE list. */
const TRUNCATED = new RegExp(String.raw`^\s*(?:ONLY\s+)?${NAME}`, 'i');
const UPSERT = /\bON\s+CONFLICT\b[^;]*?\bDO\s+UPDATE\s+SET\b/gi;
/** Statements whose reach a table list cannot describe: schema changes, sequences, procedures, cascades. */
const OTHER = /\b(CREATE|ALTER|DROP|GRANT|REVOKE|setval|nextval|CALL|VACUUM|CLUSTER|REINDEX|REFRESH|LOCK|CASCADE)\b/i;

/**
 * The tables a write statement writes, lower-cased, or undefined when that is not certain
 * (the caller then treats it as a write to everything): never a table too few.
 */
export function writtenTables(sql: string): string[] | undefined {
  const body = sql.replace(UPSERT, ' ').replace(ROW_LOCK, ' ');
  if (OTHER.test(body)) return undefined;
  const tables = new Set<string>();
  for (const m of body.matchAll(TARGET)) tables.add(m[1].toLowerCase());
  for (const m of body.matchAll(TRUNCATE)) {
    for (const part of m[1].split(',')) {
      const name = TRUNCATED.exec(part);
      if (!name) return undefined;
      tables.add(name[1].toLowerCase());
    }
  }
  return tables.size ? [...tables] : undefined;
}

function watchQueryable(q: Queryable, cache: ReadCache, seen?: (tables: string[] | undefined) => void): Queryable {
  return {
    async query(sql, params) {
      if (isRead(sql)) return q.query(sql, params);
      const tables = writtenTables(sql);
      seen?.(tables);
      cache.invalidate(tables);
      try {
        return await q.query(sql, params);
      } finally {
        cache.invalidate(tables);
      }
    },
    async exec(sql) {
      seen?.(undefined);
      cache.invalidate();
      try {
        await q.exec(sql);
      } finally {
        cache.invalidate();
      }
    },
  };
}

/**
 * The store, reporting to `cache` every write: a statement's tables when it runs, and a
 * transaction's tables again once it has ended (a result computed in between read the old
 * rows and must not outlive the commit).
 */
export function watchWrites(db: Db, cache: ReadCache): Db {
  return {
    kind: db.kind,
    ...watchQueryable(db, cache),
    async transaction(fn) {
      let written: Set<string> | undefined = new Set();
      const seen = (tables: string[] | undefined) => {
        if (!tables) written = undefined;
        else for (const t of tables) written?.add(t);
      };
      try {
        return await db.transaction((tx) => fn(watchQueryable(tx, cache, seen)));
      } finally {
        if (written === undefined) cache.invalidate();
        else if (written.size) cache.invalidate(written);
      }
    },
    close: () => db.close(),
  };
}

/**
 * A cached JSON answer. The text is what is kept, so a hit costs no serialisation
 * (the 35 KB task list page took about a fifth of a cached request's time to stringify).
 */
export async function cachedJson(cache: ReadCache, key: string, db: Queryable, compute: (db: Queryable) => Promise<unknown>, fresh: boolean): Promise<Response> {
  const body = await cache.get(key, db, async (reading) => JSON.stringify(await compute(reading)), fresh);
  return new Response(body, { headers: { 'content-type': 'application/json' } });
}
