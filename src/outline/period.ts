import type { Heading } from './outline.ts';

// a dated delivery line (2020年5月8日在…) or a bracketed month (2020年8月); 1998年3月就职 in prose is no date line
const DATE_LINE = /(\d{4})年\d{1,2}月\d{1,2}日|[(（](\d{4})年\d{1,2}月[)）]/;
// a title does not run across clause punctuation (2017年，经济社会发展主要目标任务全面完成 is prose)
const TITLE_YEAR = /(\d{4})年[^。，,；;\n]{0,12}(政府工作报告|工作报告|目标任务|责任分解)/;
/** How far into the text a date line still dates the document. */
export const DATE_HEAD_CHARS = 600;

/**
 * The year the document speaks in (its 今年): a date line or a title near the
 * top, else a dated review heading (reviewing Y means speaking in Y+1) or
 * plan heading, else a four-digit year in the file name.
 */
export function documentYear(text: string, headings: Heading[], nameHint: string): number | undefined {
  const head = text.slice(0, DATE_HEAD_CHARS);
  // whichever comes first: the title, or the date line under it
  const title = TITLE_YEAR.exec(head);
  const date = DATE_LINE.exec(head);
  if (title && (!date || title.index <= date.index)) return Number(title[1]);
  if (date) return Number(date[1] ?? date[2]);
  for (const h of headings) {
    if (h.level > 1) continue;
    const y = /(\d{4})年/.exec(h.title);
    if (!y) continue;
    if (/回顾|过去/.test(h.title)) return Number(y[1]) + 1;
    if (/目标|任务|安排|计划|要求/.test(h.title)) return Number(y[1]);
  }
  const named = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(nameHint);
  return named ? Number(named[1]) : undefined;
}

const FIVE_YEAR_ORDINAL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];

/**
 * The years of the n-th five-year plan (“九五” → 1996-2000). The first two ran
 * 1953–1962; the third began in 1966 after three years of adjustment.
 */
export function fiveYearPlanSpan(ordinal: string): string | undefined {
  const n = FIVE_YEAR_ORDINAL.indexOf(ordinal);
  if (n <= 0) return undefined;
  const start = n <= 2 ? 1953 + 5 * (n - 1) : 1966 + 5 * (n - 3);
  return `${start}-${start + 4}`;
}
