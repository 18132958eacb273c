/**
 * Errors that mean "the database is not there right now" rather than "this request is
 * wrong": refused or lost connections, PostgreSQL shutting down or starting, a connection
 * that could not be had in time, a statement cancelled by the timeout.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)$/.test(code)) return true;
  // Class 08 connection exceptions, 57P01–03 shutdown/cannot connect now, 53300 too many connections, 57014 statement timeout.
  if (/^(08...|57P0[123]|53300|57014)$/.test(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error/i.test(message);
}
