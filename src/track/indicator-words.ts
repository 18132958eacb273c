/**
 * Words that frame an indicator without changing what it measures: the place
 * (全市, 全区), the time (全年, 今年), filler. 2018's 国内生产总值 and 2019's
 * 全国国内生产总值 are the same indicator.
 */
export const FRAMING_PREFIXES: readonly string[] = [
  '全国', '全省', '全市', '全区', '全县', '全旗', '全州', '全镇',
  '我国', '我省', '我市', '我区', '我县', '本市', '本区',
  '全年', '今年', '去年', '上年', '当年', '本年', '年度', '年内', '年末', '年底', '上半年', '下半年', '全社会',
];

/**
 * Time words and verbs left at the end of an indicator (城镇调查失业率全年,
 * 城镇化率从, 赤字率拟按, 粮食产量首次跃): the figure's wording, not the indicator.
 */
export const TRAILING_WORDS: readonly string[] = [
  '全年', '年末', '年底', '平均',
  '从', '由', '为', '按', '拟', '达', '达到', '跃', '跃上', '首次', '连续', '连年', '持续', '稳定在', '保持在', '保持',
  '增加到', '提高到', '下降到', '降到', '降至', '控制在',
];

/** Filler that is not part of what is measured (quotation marks, brackets, “的”). */
export const FILLER = /[“”‘’"'《》「」()（）\s、，,]/g;
