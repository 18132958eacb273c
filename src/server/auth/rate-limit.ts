/**
 * Failed-login limiter: at most `limit` failures per key in a sliding
 * window. In memory, per process: a restart forgets, which is acceptable for
 * slowing down password guessing on one server.
 */
export class RateLimiter {
  private failures = new Map<string, number[]>();

  constructor(readonly limit = 5, readonly windowMs = 15 * 60_000) {}

  /** Milliseconds until `key` may try again, or 0. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    return recent.length >= this.limit ? recent[0] + this.windowMs - now : 0;
  }

  fail(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }
}
