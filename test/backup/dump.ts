import type { Db } from '../../src/store/db.ts';

/** Every base table of the store's schema but the migrations ledger. */
export async function tableNames(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`);
  return rows.map((r) => r.table_name).filter((t) => !/migration/.test(t));
}

/** The whole content of the store, table by table, rows in primary-key order, bytes as hex: equal dumps, equal stores. */
export async function dumpStore(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await tableNames(db)) {
    const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM ${t} ORDER BY 1, 2`);
    // Bytes by value: PGlite gives a Uint8Array, pg a Buffer (whose toJSON would win over a replacer).
    out[t] = JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) =>
      [k, v instanceof Uint8Array ? `bytes:${Buffer.from(v).toString('hex')}` : v]))));
  }
  return out;
}

export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tableNames(db)) out[t] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n;
  return out;
}
