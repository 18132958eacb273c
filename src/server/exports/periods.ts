/**
 * Periods of bulletins and progress reports: a month (2020-06), a quarter
 * (2020Q2, 2020-Q2), a half-year (2020H1, 2020-H1) or a year (2020).
 */
export interface Period {
  /** As given, normalised: 2020-06, 2020Q2, 2020H1, 2020. */
  code: string;
  year: number;
  start: string;
  end: string;
  /** As bulletins print it: 2020年6月, 2020年第二季度, 2020年上半年, 2020年. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const QUARTERS = ['一', '二', '三', '四'];

function span(year: number, firstMonth: number, lastMonth: number) {
  return { start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}` };
}

/** Reads a period code; undefined when it is none of the four forms. */
export function parsePeriod(code: string): Period | undefined {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])|-?([QH])([1-4]))?$/i.exec(code.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) {
    const month = Number(m[2]);
    return { code: `${year}-${m[2]}`, year, ...span(year, month, month), label: `${year}年${month}月` };
  }
  if (m[3]) {
    const n = Number(m[4]);
    if (m[3].toUpperCase() === 'Q') return { code: `${year}Q${n}`, year, ...span(year, n * 3 - 2, n * 3), label: `${year}年第${QUARTERS[n - 1]}季度` };
    if (n > 2) return undefined;
    return { code: `${year}H${n}`, year, ...span(year, n === 1 ? 1 : 7, n === 1 ? 6 : 12), label: `${year}年${n === 1 ? '上' : '下'}半年` };
  }
  return { code: String(year), year, ...span(year, 1, 12), label: `${year}年` };
}

/** The last day a report's period covers; a label of no known form counts as undated (undefined). */
export function periodEnd(code: string): string | undefined {
  return parsePeriod(code)?.end;
}

/** The month a report filed today belongs to. */
export const monthOf = (isoDate: string) => isoDate.slice(0, 7);
