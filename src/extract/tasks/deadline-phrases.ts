/**
 * Deadline phrases of plans and notices, each read against the plan year Y.
 * `due` gives the last day allowed as [year, month] (day = end of month);
 * `period` names the stretch of time. Tried in order; the first to claim a
 * stretch of text wins, so 2022年6月底前 is not also read as 6月底前.
 */
export interface DeadlineRule {
  pattern: RegExp;
  read: (m: RegExpExecArray, year: number) => { due: [number, number]; period: string } | undefined;
}

const CN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

export function smallNumber(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : CN[s];
}

const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';

export const DEADLINE_RULES: DeadlineRule[] = [
  {
    pattern: new RegExp(`(?:到|至|在)?(\\d{4})年${MONTH}月(?:底|末|份)?(?:前|以前|之前)`, 'g'),
    read: (m) => { const mo = smallNumber(m[2]); return mo && mo <= 12 ? { due: [Number(m[1]), mo], period: `${m[1]}-${String(mo).padStart(2, '0')}` } : undefined; },
  },
  {
    pattern: /(?:到|至)(\d{4})年(?:底|末)?|(\d{4})年(?:底|末)?(?:前|以前|之前)|(\d{4})年(?:底|末)/g,
    read: (m) => { const y = Number(m[1] ?? m[2] ?? m[3]); return { due: [y, 12], period: String(y) }; },
  },
  {
    pattern: /(?:用|在)?([一二两三四五\d])年(?:内|时间|左右时间)/g,
    read: (m, year) => { const n = smallNumber(m[1]); return n ? { due: [year + n - 1, 12], period: `${year}-${year + n - 1}` } : undefined; },
  },
  {
    pattern: /“?十([三四五])五”?(?:期间|末|时期)/g,
    read: (m) => { const end = { 三: 2020, 四: 2025, 五: 2030 }[m[1] as '三' | '四' | '五']; return { due: [end, 12], period: `${end - 4}-${end}` }; },
  },
  {
    pattern: /上半年/g,
    read: (_m, year) => ({ due: [year, 6], period: `${year}H1` }),
  },
  {
    pattern: /下半年/g,
    read: (_m, year) => ({ due: [year, 12], period: `${year}H2` }),
  },
  {
    pattern: /(?:第)?([一二三四1-4])季度(?:末|底)?/g,
    read: (m, year) => { const q = smallNumber(m[1])!; return { due: [year, q * 3], period: `${year}Q${q}` }; },
  },
  {
    pattern: new RegExp(`${MONTH}月(?:底|末|份)(?:前|以前|之前)?|${MONTH}月(?:前|以前|之前)`, 'g'),
    read: (m, year) => { const mo = smallNumber(m[1] ?? m[2]); return mo && mo <= 12 ? { due: [year, mo], period: `${year}-${String(mo).padStart(2, '0')}` } : undefined; },
  },
  {
    pattern: /年底前|年底|年末|年内|今年内|本年度|全年/g,
    read: (_m, year) => ({ due: [year, 12], period: String(year) }),
  },
  {
    pattern: /明年/g,
    read: (_m, year) => ({ due: [year + 1, 12], period: String(year + 1) }),
  },
];
