/**
 * Words that frame an indicator without changing what it measures: the place
 * (全市, 全区), the time (全年, 今年), filler. 2018's 国内生产总值 and 2019's
 * 全国国内生产总值 are the same indicator.
 */
export const FRAMING_PREFIXES: readonly string[] = [
  '全国', '全省', '全市', '全区', '全县', '全旗', '全州', '全镇',
  '我国', '我省', '我市', '我区', '我县', '本市', '本区',
  '全年', '今年', '去年', '上年', '当年', '本年', '年度', '年内', '上半年', '下半年', '全社会',
];

/** Filler that is not part of what is measured (quotation marks, brackets, “的”). */
export const FILLER = /[“”‘’"'《》「」()（）\s、，,]/g;
