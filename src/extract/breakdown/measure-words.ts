/**
 * Measure words that follow a counted figure in a livelihood project's goal
 * line (`100个`, `120公里`, `10万人`) and label the rows of its quota table
 * (`单位(万平方米)`, `配置AED(台)`). Longest first, so 平方米 wins over 米.
 */
export const MEASURE_WORDS = [
  '平方公里', '平方米', '立方米', '公里', '千米', '公顷', '人次', '户次', '个百分点',
  '个', '家', '条', '台', '名', '人', '所', '座', '处', '套', '户', '辆', '张', '项', '场', '次',
  '亩', '吨', '米', '间', '栋', '幢', '册', '件', '只', '盏', '根', '块', '片', '批', '部', '班', '床', '份', '支', '口', '艘', '列', '路', '站',
].sort((a, b) => b.length - a.length);

/** Magnitude prefixes that belong to the unit as written (`万平方米`, `亿元`). */
export const MAGNITUDES = ['万', '亿', '千', '百'];
