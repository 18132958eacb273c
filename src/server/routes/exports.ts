import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { downloadResponse, MEDIA_TYPES } from '../exports/download.ts';
import { dataDictionaryFile, LEDGER_LAYOUTS, writeDocument, type DocumentKind, type DocumentRequest } from '../exports/documents.ts';
import { APPLICABLE_FIELDS, applyLedgerChanges, diffWorkbook } from '../exports/ledger.ts';
import { exportAbilities } from '../exports/policy.ts';
import { authorize } from '../policies/shared.ts';
import { badRequest } from '../problem.ts';
import { idParams, route, type AnyRoute, type RouteRequest } from '../route.ts';
import { isoDay } from '../today.ts';
import { taskListQuery, visibilityOf } from './tasks.ts';

/** The task list's filters, so the web app exports exactly what is on screen. */
const ledgerFilters = taskListQuery.omit({ planId: true, limit: true, offset: true });
const ledgerQuery = ledgerFilters.extend({ layout: z.enum(Object.keys(LEDGER_LAYOUTS) as [keyof typeof LEDGER_LAYOUTS]).default('single') });
const issuerQuery = z.object({ issuer: z.string().trim().min(1).max(100).optional() });
const bulletinQuery = issuerQuery.extend({
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-?[QH][1-4])?$/i, 'period like 2020-06, 2020Q2 or 2020H1'),
  issue: z.string().trim().max(30).optional(),
});
const fieldValue = z.union([z.string().max(20_000), z.number(), z.array(z.string().max(200)).max(100), z.null()]);

type Req = RouteRequest<{ id: number }, Record<string, unknown> | undefined, undefined>;

/** A plan's document as a download: authorize, then write what the actor may see. */
function download(kind: DocumentKind, allowed: (a: Actor) => boolean, extra: (query: Record<string, unknown>) => Partial<DocumentRequest> = () => ({})) {
  return async ({ db, actor, params, query, deps }: Req) => {
    authorize(allowed(actor), 'this document is for the supervision office and the leaders');
    const file = await writeDocument(db, kind, {
      planId: params.id, today: isoDay(deps.now()), visibility: visibilityOf(actor), ...extra(query ?? {}),
    });
    return downloadResponse(file);
  };
}

const documentsAllowed = (a: Actor) => exportAbilities(a).documents;
const issuer = (q: Record<string, unknown>) => ({ issuer: q.issuer as string | undefined });
const bulletin = (q: Record<string, unknown>) => ({ ...issuer(q), period: q.period as string, issue: q.issue as string | undefined });

export const exportRoutes: AnyRoute[] = [
  route({
    method: 'get', path: '/plans/:id/ledger.xlsx', produces: MEDIA_TYPES.xlsx, tag: 'exports', params: idParams, query: ledgerQuery,
    summary: 'The progress ledger (.xlsx) of the tasks the user may see, filtered like the task list; layout single, section or unit',
    handle: download('ledger', (a) => exportAbilities(a).ledger, (q) => {
      const { layout, ...filters } = q as z.infer<typeof ledgerQuery>;
      return { layout, filters };
    }),
  }),
  route({
    method: 'post', path: '/plans/:id/ledger/diff', tag: 'exports', params: idParams, query: ledgerFilters, multipart: true,
    summary: 'Compare an edited ledger (multipart `file`) with the plan: the changes to confirm; nothing is written',
    async handle({ db, actor, params, query, files, deps }) {
      authorize(exportAbilities(actor).importLedger, 'only the supervision office takes a ledger back in');
      if (files.length !== 1) throw badRequest('send exactly one file');
      return diffWorkbook(db, params.id, files[0].bytes, { filters: query, asOf: isoDay(deps.now()) });
    },
  }),
  route({
    method: 'post', path: '/plans/:id/ledger/apply', tag: 'exports', params: idParams,
    summary: 'Apply confirmed ledger changes with the versions the diff gave: all in one transaction, each audited; a stale one is 409 and nothing is applied',
    body: z.object({
      changes: z.array(z.object({
        taskId: z.coerce.number().int().positive(),
        version: z.number().int().positive(),
        field: z.enum(APPLICABLE_FIELDS),
        before: fieldValue,
        after: fieldValue,
      })).min(1).max(10_000),
    }),
    async handle({ db, actor, params, body, deps }) {
      authorize(exportAbilities(actor).importLedger, 'only the supervision office takes a ledger back in');
      return applyLedgerChanges(db, actor, params.id, body.changes, isoDay(deps.now()));
    },
  }),
  route({
    method: 'get', path: '/plans/:id/notice.docx', produces: MEDIA_TYPES.docx, tag: 'exports', params: idParams, query: issuerQuery,
    summary: 'The breakdown notice (.docx, GB/T 9704 layout) with the livelihood projects and their quota tables',
    handle: download('notice', documentsAllowed, issuer),
  }),
  route({
    method: 'get', path: '/plans/:id/bulletin.docx', produces: MEDIA_TYPES.docx, tag: 'exports', params: idParams, query: bulletinQuery,
    summary: 'The supervision bulletin (.docx) for a month, quarter or half-year (period=2020-06, 2020Q2, 2020H1)',
    handle: download('bulletin-docx', documentsAllowed, bulletin),
  }),
  route({
    method: 'get', path: '/plans/:id/bulletin.pdf', produces: MEDIA_TYPES.pdf, tag: 'exports', params: idParams, query: bulletinQuery,
    summary: 'The supervision bulletin as PDF (rendered by LibreOffice on the server)',
    handle: download('bulletin-pdf', documentsAllowed, bulletin),
  }),
  route({
    method: 'get', path: '/plans/:id/review.docx', produces: MEDIA_TYPES.docx, tag: 'exports', params: idParams,
    summary: 'Draft of the next report\'s review of the year\'s targets (主要预期目标完成情况), .docx',
    handle: download('review-docx', documentsAllowed),
  }),
  route({
    method: 'get', path: '/plans/:id/review.md', produces: MEDIA_TYPES.md, tag: 'exports', params: idParams,
    summary: 'The same review draft as Markdown',
    handle: download('review-md', documentsAllowed),
  }),
  route({
    method: 'get', path: '/plans/:id/quantities.csv', produces: MEDIA_TYPES.csv, tag: 'exports', params: idParams,
    summary: 'Every target and actual extracted from the documents of the plan\'s organisation, as CSV (UTF-8 with BOM)',
    handle: download('quantities-csv', (a) => exportAbilities(a).research),
  }),
  route({
    method: 'get', path: '/plans/:id/quantities.jsonl', produces: MEDIA_TYPES.jsonl, tag: 'exports', params: idParams,
    summary: 'The same targets and actuals as JSON Lines',
    handle: download('quantities-jsonl', (a) => exportAbilities(a).research),
  }),
  route({
    method: 'get', path: '/data-dictionary.md', produces: MEDIA_TYPES.md, tag: 'exports', public: true,
    summary: 'The data dictionary of the research files',
    async handle() {
      return downloadResponse(dataDictionaryFile());
    },
  }),
];
