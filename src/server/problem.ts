/** An error that becomes an `application/problem+json` response (RFC 9457). */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'Problem';
  }
}

export const badRequest = (detail: string, extra?: Record<string, unknown>) => new Problem(400, 'Bad Request', detail, extra);
export const unauthorized = (detail = 'login required') => new Problem(401, 'Unauthorized', detail);
export const forbidden = (detail = 'not allowed') => new Problem(403, 'Forbidden', detail);
export const notFound = (what = 'record') => new Problem(404, 'Not Found', `${what} not found`);
export const conflict = (detail: string, extra?: Record<string, unknown>) => new Problem(409, 'Conflict', detail, extra);

export function problemBody(p: Problem, instance?: string): Record<string, unknown> {
  return { type: 'about:blank', title: p.title, status: p.status, detail: p.detail, instance, ...p.extra };
}

export function problemResponse(p: Problem, instance?: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(p, instance)), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}
