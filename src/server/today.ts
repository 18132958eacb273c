/** The calendar date (YYYY-MM-DD) of an instant in the workspace's time zone (China has one: UTC+8). */
export function isoDay(d: Date, offsetHours = 8): string {
  return new Date(d.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 10);
}
