/** The calendar date (YYYY-MM-DD) of an instant in the workspace's time zone (China has one: UTC+8). */
export function isoDay(d: Date, offsetHours = 8): string {
  return new Date(d.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A clock that starts at `day` (YYYY-MM-DD, at this moment's time of day in the workspace's
 * zone) and then runs as usual: a workspace can be shown as it stood on a past day — the demo
 * in mid-2020 — while timeouts and rate limits still see time pass.
 */
export function clockFrom(day: string, realNow: () => number = Date.now, offsetHours = 8): () => Date {
  const midnight = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
  if (Number.isNaN(midnight)) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  const start = realNow();
  const timeOfDay = (start + offsetHours * 3_600_000) % 86_400_000;
  const shift = midnight - offsetHours * 3_600_000 + timeOfDay - start;
  return () => new Date(realNow() + shift);
}
