/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), with day arithmetic on UTC day
 * numbers so that no timezone or daylight-saving shift can move a deadline.
 * "Today" is always passed in; nothing here reads the clock.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, month: number) => (month === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[month - 1]);

/** Year, month and day of a real calendar date; undefined for anything else. */
function isoParts(s: unknown): [number, number, number] | undefined {
  if (typeof s !== 'string') return undefined;
  const m = ISO.exec(s);
  if (!m) return undefined;
  const y = +m[1], month = +m[2], d = +m[3];
  return month >= 1 && month <= 12 && d >= 1 && d <= daysInMonth(y, month) ? [y, month, d] : undefined;
}

export function isIsoDate(s: unknown): s is IsoDate {
  return isoParts(s) !== undefined;
}

/** Days since 1970-01-01. Throws on a malformed or impossible date (2019-02-30): that is a caller's bug. */
export function toDayNumber(date: IsoDate): number {
  const parts = isoParts(date);
  if (!parts) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return Date.UTC(parts[0], parts[1] - 1, parts[2]) / DAY_MS;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function yearStart(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-01-01`;
}

export function yearEnd(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/** The date in `year`, `month` (1–12), clamped to the month's last day (day 31 of April is 30 April). */
export function dateIn(year: number, month: number, day: number): IsoDate {
  const y = year + Math.floor((month - 1) / 12);
  const mo = ((month - 1) % 12 + 12) % 12;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(y, mo, Math.min(day, last)) / DAY_MS);
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return dateIn(year, month, 31);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
