/**
 * Indicators where less is better, so that "about X" (左右) is read as a
 * ceiling: 居民消费价格涨幅3%左右 is kept at 2.1%, 城镇调查失业率5.5%左右 at 5%.
 * A word here matches anywhere in the indicator name.
 */
export const CEILING_INDICATOR_WORDS: readonly string[] = [
  '居民消费价格', '消费价格', '物价', 'CPI',
  '失业率',
  '赤字率', '赤字',
  '能耗', '排放', '污染',
  '杠杆率', '不良率', '不良贷款',
  '死亡率', '事故',
  '融资成本',
];

export function isCeilingIndicator(indicator: string | undefined): boolean {
  if (!indicator) return false;
  return CEILING_INDICATOR_WORDS.some((w) => indicator.includes(w));
}
