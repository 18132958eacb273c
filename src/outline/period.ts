import type { Heading } from './outline.ts';

const DATE_LINE = /(\d{4})年\d{1,2}月(\d{1,2}日)?/;
const TITLE_YEAR = /(\d{4})年[^。\n]{0,12}(政府工作报告|工作报告|目标任务|责任分解)/;
/** How far into the text a date line still dates the document. */
export const DATE_HEAD_CHARS = 600;

/**
 * The year the document speaks in (its 今年): a date line or a title near the
 * top, else a dated review heading (reviewing Y means speaking in Y+1) or
 * plan heading, else a four-digit year in the file name.
 */
export function documentYear(text: string, headings: Heading[], nameHint: string): number | undefined {
  const head = text.slice(0, DATE_HEAD_CHARS);
  const title = TITLE_YEAR.exec(head);
  if (title) return Number(title[1]);
  const date = DATE_LINE.exec(head);
  if (date) return Number(date[1]);
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
