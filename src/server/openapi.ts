import { z } from 'zod';
import type { AnyRoute } from './route.ts';

function schema(s: z.ZodType): Record<string, unknown> {
  const out = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

function parameters(s: z.ZodType | undefined, where: 'path' | 'query') {
  if (!s) return [];
  const json = schema(s) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, sch]) => ({
    name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: sch,
  }));
}

const problem = {
  description: 'Error (RFC 9457 problem details)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/** The OpenAPI 3.1 document, generated from the route table. */
export function openApiDocument(routes: AnyRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = '/api' + r.path.replace(/:(\w+)/g, '{$1}');
    const requestBody = r.body && {
      required: true,
      content: r.multipart
        ? { 'multipart/form-data': { schema: withFiles(schema(r.body)) } }
        : { 'application/json': { schema: schema(r.body) } },
    };
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      operationId: `${r.method}${r.path.replace(/[/:](\w)/g, (_, ch: string) => ch.toUpperCase()).replace(/\W/g, '')}`,
      security: r.public ? [] : [{ session: [] }],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(requestBody ? { requestBody } : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: 'OK',
          content: r.produces
            ? { [r.produces]: { schema: { type: 'string', contentMediaType: r.produces.split(';')[0] } } }
            : { 'application/json': { schema: r.response ? schema(r.response) : {} } },
        },
        default: problem,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Luoshi workspace API',
      version: '1',
      description: 'Every state-changing request needs the session cookie and the X-CSRF-Token header (from /api/auth/csrf). Updates carry `version` or If-Match; a stale one gets 409.',
    },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'luoshi_session' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } },
        },
      },
    },
  };
}

function withFiles(s: Record<string, unknown>): Record<string, unknown> {
  const properties = { ...(s.properties as Record<string, unknown> ?? {}), file: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } } };
  return { ...s, type: 'object', properties };
}
