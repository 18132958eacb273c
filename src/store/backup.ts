import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Db, Queryable } from './db.ts';
import { json } from './db.ts';
import { loadMigrations } from './migrate.ts';

/** Every table, parents before children, so a restore satisfies the foreign keys as it goes. */
export const TABLES = [
  'organisations', 'settings', 'plans', 'units', 'leaders', 'users', 'sessions', 'documents', 'tasks', 'assignments',
  'assignment_units', 'progress_reports', 'evidence', 'comments', 'status_history', 'actuals', 'notifications',
  'webhooks', 'webhook_deliveries', 'webhook_attempts', 'audit_log',
];

const FORMAT = 'luoshi-backup';
const BATCH = 500;

interface Column { name: string; type: string }

async function columns(db: Queryable, table: string): Promise<Column[]> {
  const { rows } = await db.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
      WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position`, [table]);
  return rows.map((r) => ({ name: r.column_name, type: r.data_type }));
}

/** JSON has no bytes or instants: bytea becomes {$bytes: base64}, timestamps ISO strings. */
function encode(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'bytea') return { $bytes: Buffer.from(value as Uint8Array).toString('base64') };
  if (value instanceof Date) return value.toISOString();
  return value;
}

function decode(value: unknown, type: string): unknown {
  if (value === null) return null;
  if (type === 'bytea') return new Uint8Array(Buffer.from((value as { $bytes: string }).$bytes, 'base64'));
  if (type === 'jsonb' || type === 'json') return json(value);
  return value;
}

/**
 * Writes every row of every table as JSON lines: a header naming the
 * format and the migrations, then `{"t": table, "r": [values…]}` per row.
 * Lossless for the types the schema uses (bytes, JSON, dates, instants).
 */
export async function backup(db: Db, file: string): Promise<Record<string, number>> {
  const out = createWriteStream(file);
  const write = async (line: unknown) => {
    if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
  };
  const counts: Record<string, number> = {};
  const schema: Record<string, Column[]> = {};
  for (const t of TABLES) schema[t] = await columns(db, t);
  await write({ format: FORMAT, version: 1, migrations: loadMigrations().map((m) => ({ name: m.name, checksum: m.checksum })), tables: schema });
  for (const t of TABLES) {
    const cols = schema[t];
    counts[t] = 0;
    for (let offset = 0; ; offset += BATCH) {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT ${cols.map((c) => c.name).join(', ')} FROM ${t} ORDER BY 1, 2 LIMIT ${BATCH} OFFSET ${offset}`);
      for (const r of rows) await write({ t, r: cols.map((c) => encode(r[c.name], c.type)) });
      counts[t] += rows.length;
      if (rows.length < BATCH) break;
    }
  }
  out.end();
  await once(out, 'finish');
  return counts;
}

export class RestoreRefusedError extends Error {}

/**
 * Loads a backup into an empty, migrated store in one transaction (all or
 * nothing), then moves the id sequences past the restored ids.
 */
export async function restore(db: Db, file: string): Promise<Record<string, number>> {
  for (const t of TABLES) {
    const { rows } = await db.query(`SELECT 1 FROM ${t} LIMIT 1`);
    if (rows.length) throw new RestoreRefusedError(`the store is not empty (table ${t} has rows); restore only into an empty store`);
  }
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    let header: { format: string; migrations: Array<{ name: string; checksum: string }>; tables: Record<string, Column[]> } | undefined;
    // The reader starts inside the transaction: lines emitted before iteration begins would be lost.
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (!line) continue;
      const item = JSON.parse(line);
      if (!header) {
        if (item.format !== FORMAT) throw new RestoreRefusedError(`${file} is not a luoshi backup`);
        const mine = loadMigrations().map((m) => `${m.name}:${m.checksum}`).join(',');
        const theirs = item.migrations.map((m: { name: string; checksum: string }) => `${m.name}:${m.checksum}`).join(',');
        if (mine !== theirs) throw new RestoreRefusedError('the backup was made by a version of luoshi with other migrations');
        header = item;
        continue;
      }
      const cols = header.tables[item.t];
      if (!cols || !TABLES.includes(item.t)) throw new RestoreRefusedError(`unknown table ${item.t} in backup`);
      await tx.query(
        `INSERT INTO ${item.t} (${cols.map((c) => c.name).join(', ')}) VALUES (${cols.map((c, i) => `$${i + 1}${c.type === 'jsonb' ? '::jsonb' : ''}`).join(', ')})`,
        cols.map((c, i) => decode(item.r[i], c.type)));
      counts[item.t] = (counts[item.t] ?? 0) + 1;
    }
    if (!header) throw new RestoreRefusedError(`${file} is empty`);
    for (const t of TABLES) {
      if (!header.tables[t].some((c) => c.name === 'id')) continue;
      await tx.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), COALESCE((SELECT max(id) FROM ${t}), 0) + 1, false)`);
    }
  });
  return counts;
}
