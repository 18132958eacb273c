/** Rows leave the API in camelCase, without file contents. */
export function present<T extends Record<string, unknown>>(row: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Uint8Array) continue;
    out[k.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase())] = v;
  }
  return out;
}

export const presentAll = <T extends Record<string, unknown>>(rows: T[]) => rows.map(present);
