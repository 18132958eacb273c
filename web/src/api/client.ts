/**
 * The typed fetch layer: JSON in and out, the session cookie travels by
 * itself, the CSRF token goes in a header on every state-changing request,
 * and problem+json errors become ApiError with their fields intact.
 */

/** RFC 9457 problem details as the server sends them. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Validation errors, when the server lists them. */
  errors?: { path?: string; message: string }[];
  /** On a 409, the record as it now stands, so nothing typed is lost. */
  current?: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const CSRF_COOKIES = ['luoshi_csrf', 'csrf', 'csrf_token'];

let csrfToken: string | null = null;

/** Remembers the token the server handed over in a response body (login, /me). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** The token from memory, or else from the readable CSRF cookie (double-submit). */
export function currentCsrfToken(): string | null {
  if (csrfToken) return csrfToken;
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (CSRF_COOKIES.includes(name)) return decodeURIComponent(rest.join('='));
  }
  return null;
}

type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await res.json().catch(() => ({}))) as Partial<Problem> & { error?: string; message?: string };
    return { ...body, title: body.title ?? body.error ?? body.message ?? res.statusText, status: body.status ?? res.status };
  }
  const text = await res.text().catch(() => '');
  return { title: text.slice(0, 200) || res.statusText, status: res.status };
}

/** Called on any 401 so the shell can show the login screen. */
let onUnauthorized: () => void = () => {};
export function handleUnauthorized(fn: () => void): void {
  onUnauthorized = fn;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  init?: { headers?: Record<string, string>; quiet401?: boolean },
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...init?.headers };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = currentCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (!res.ok) {
    const problem = await toProblem(res);
    if (res.status === 401 && !init?.quiet401) onUnauthorized();
    throw new ApiError(problem);
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await res.json()) as T;
  return (await res.text()) as unknown as T;
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};
