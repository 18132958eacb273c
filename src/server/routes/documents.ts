import { z } from 'zod';
import { documentAbilities } from '../policies/document.ts';
import { authorize } from '../policies/shared.ts';
import { badRequest, notFound } from '../problem.ts';
import { present } from '../present.ts';
import { idParams, route } from '../route.ts';
import { isoDay } from '../today.ts';

const META = 'id, organisation_id, plan_id, name, kind, format, size, sha256, created_by, created_at, archived_at, version';

export const documentRoutes = [
  route({
    method: 'post', path: '/documents', tag: 'documents', multipart: true, status: 201,
    summary: 'Import a work report, half-year report or breakdown notice (multipart `file`): all its tasks in one transaction',
    body: z.object({
      organisationId: z.coerce.number().int(),
      year: z.coerce.number().int().min(1949).max(2100).optional(),
      kind: z.enum(['report', 'half-year', 'notice']).optional(),
    }),
    async handle({ db, actor, body, files, deps }) {
      authorize(documentAbilities(actor).import, 'only the supervision office imports documents');
      if (files.length !== 1) throw badRequest('send exactly one file');
      // The readers and the extraction engine load with the first import, not with the server.
      const { importDocument } = await import('../import/import-document.ts');
      return importDocument(db, actor.id, { ...body, name: files[0].name, bytes: files[0].bytes, today: isoDay(deps.now()) });
    },
  }),
  route({
    method: 'get', path: '/documents', tag: 'documents', summary: 'Imported documents (metadata)',
    query: z.object({ organisationId: z.coerce.number().int().optional(), planId: z.coerce.number().int().optional() }),
    async handle({ db, actor, query }) {
      authorize(documentAbilities(actor).read);
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT ${META} FROM documents WHERE archived_at IS NULL AND ($1::int IS NULL OR organisation_id = $1) AND ($2::int IS NULL OR plan_id = $2) ORDER BY id`,
        [query.organisationId ?? null, query.planId ?? null]);
      return { items: rows.map((r) => ({ ...present(r), abilities: documentAbilities(actor) })) };
    },
  }),
  route({
    method: 'get', path: '/documents/:id', tag: 'documents', params: idParams, summary: 'A document with its decoded text and extraction',
    async handle({ db, actor, params }) {
      authorize(documentAbilities(actor).read);
      const { rows } = await db.query<Record<string, unknown>>(`SELECT ${META}, text, extraction FROM documents WHERE id = $1`, [params.id]);
      if (!rows[0]) throw notFound('document');
      return { ...present(rows[0]), abilities: documentAbilities(actor) };
    },
  }),
  route({
    method: 'get', path: '/documents/:id/content', tag: 'documents', params: idParams, summary: 'The original bytes as imported',
    async handle({ db, actor, params }) {
      authorize(documentAbilities(actor).read);
      const { rows } = await db.query<{ name: string; content: Uint8Array }>('SELECT name, content FROM documents WHERE id = $1', [params.id]);
      if (!rows[0]) throw notFound('document');
      return new Response(Buffer.from(rows[0].content), {
        headers: { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(rows[0].name)}` },
      });
    },
  }),
];
