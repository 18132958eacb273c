import { ApiError, http, withQuery, type Problem } from './client.ts';
import type { Id } from './types.ts';

/**
 * The documents the server writes (src/server/routes/exports.ts): downloads
 * arrive as files under the server's own (Chinese) name; the ledger comes
 * back in through diff → confirm → apply.
 */

/** The task-list filters the server understands (GET /api/tasks without paging). */
export interface LedgerFilters {
  q?: string;
  sectionId?: Id;
  unitId?: Id;
  leaderId?: Id;
  districtId?: Id;
  kind?: string;
  status?: string;
  deadlineBefore?: string;
}

export type LedgerLayout = 'single' | 'section' | 'unit';

export type FieldValue = string | number | string[] | null;

/** One difference between the uploaded workbook and the plan (src/export/ledger-import.ts). */
export type LedgerChange =
  | { kind: 'update'; taskId: string; no: string; field: string; header: string; before: FieldValue; after: FieldValue; stale: boolean; sheet: string; row: number; version?: number }
  | { kind: 'add'; section?: string; values: Record<string, FieldValue>; sheet: string; row: number }
  | { kind: 'unknown-task'; key: string; sheet: string; row: number }
  | { kind: 'duplicate'; taskId: string; sheet: string; row: number }
  | { kind: 'missing'; taskId: string; no: string };

export type LedgerUpdate = Extract<LedgerChange, { kind: 'update' }>;

export interface LedgerDiff {
  rowsRead: number;
  summary: { update: number; stale: number; add: number; missing: number; unknownTask: number; duplicate: number };
  changes: LedgerChange[];
}

/** A 409 on apply names what moved since the diff. */
export interface StaleChange {
  taskId: number;
  field?: string;
  currentVersion: number;
}

/** Fields the apply route accepts; 指标 and 状态 are shown by the diff but never written from a ledger. */
export const APPLICABLE_FIELDS = ['no', 'text', 'leaders', 'leadUnit', 'coUnits', 'deadline', 'progress', 'percent'];

/** The name from `filename*=UTF-8''…` (RFC 5987), else the plain `filename`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch { /* malformed: fall through to the ASCII name */ }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** Fetches a document and hands it to the browser as a download; errors arrive as ApiError like every other call. */
export async function downloadFile(path: string, query?: Record<string, string | number | undefined>): Promise<string> {
  const res = await fetch(withQuery(path, query), { credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as Partial<Problem>;
    throw new ApiError({ ...body, title: body.title ?? res.statusText, status: body.status ?? res.status });
  }
  const name = fileNameOf(res.headers.get('content-disposition'), path.slice(path.lastIndexOf('/') + 1));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export const exportsApi = {
  downloadLedger: (planId: Id, layout: LedgerLayout, filters: LedgerFilters) =>
    downloadFile(`/api/plans/${planId}/ledger.xlsx`, { ...filters, layout }),
  /** Compares an edited workbook with the plan under the filters it was exported with; writes nothing. */
  diffLedger(planId: Id, file: File, filters: LedgerFilters) {
    const form = new FormData();
    form.append('file', file);
    return http.post<LedgerDiff>(withQuery(`/api/plans/${planId}/ledger/diff`, { ...filters }), form);
  },
  applyLedger: (planId: Id, changes: LedgerUpdate[]) =>
    http.post<{ applied: number; tasks: { taskId: number; version: number }[] }>(`/api/plans/${planId}/ledger/apply`, {
      changes: changes.map((c) => ({ taskId: Number(c.taskId), version: c.version, field: c.field, before: c.before, after: c.after })),
    }),
  notice: (planId: Id, issuer?: string) => downloadFile(`/api/plans/${planId}/notice.docx`, { issuer }),
  bulletin: (planId: Id, format: 'docx' | 'pdf', period: string, issue?: string) =>
    downloadFile(`/api/plans/${planId}/bulletin.${format}`, { period, issue }),
  review: (planId: Id, format: 'docx' | 'md') => downloadFile(`/api/plans/${planId}/review.${format}`),
  quantities: (planId: Id, format: 'csv' | 'jsonl') => downloadFile(`/api/plans/${planId}/quantities.${format}`),
  dataDictionary: () => downloadFile('/api/data-dictionary.md'),
};
