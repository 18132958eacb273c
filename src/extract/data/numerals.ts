/** Chinese numerals to numbers: 两千五百 → 2500, 一万二 → 12000, 三分之一 → 1/3. */
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** The value of a Chinese numeral, or NaN. An abbreviated tail (一万二) counts in the next lower unit. */
export function chineseNumber(s: string): number {
  if (!s) return NaN;
  const frac = /^(.+)分之(.+)$/.exec(s);
  if (frac) return chineseNumber(frac[2]) / chineseNumber(frac[1]);
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastUnit = 0;
  for (const ch of s) {
    if (ch === '零' || ch === '〇') {
      digit = -1;
      lastUnit = 1;
    } else if (ch in DIGIT) {
      if (digit >= 0) return NaN; // 一二 is not a number
      digit = DIGIT[ch];
    } else if (ch in SMALL_UNIT) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNIT[ch];
      digit = -1;
      lastUnit = SMALL_UNIT[ch];
    } else if (ch in BIG_UNIT) {
      total = (total + section + Math.max(digit, 0)) * BIG_UNIT[ch];
      section = 0;
      digit = -1;
      lastUnit = BIG_UNIT[ch];
    } else return NaN;
  }
  if (digit >= 0) section += lastUnit >= 10 ? digit * (lastUnit / 10) : digit;
  return total + section;
}
