/** One query interface over both stores (embedded PGlite and PostgreSQL). */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  /** One statement with `$1…` parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type StoreKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: StoreKind;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A JSON value as a query parameter: both drivers take the text and the column casts it. */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** bytea comes back as Buffer from pg and Uint8Array from PGlite. */
export function bytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new TypeError('expected bytea value');
}
