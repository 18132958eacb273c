/**
 * What headings look like and what their words say about the part they open.
 * Levels: 0 a standalone title line, 1 一、, 2 (一), 3 1、 or 1., 4 一是.
 */
export const CN_ORDINAL = '[一二三四五六七八九十]{1,3}';

/** Numbered markers, tried in this order at a line start or after a sentence end. */
export const NUMBERED_MARKERS: { level: number; pattern: string }[] = [
  { level: 2, pattern: `[(（]${CN_ORDINAL}[)）]` },
  { level: 1, pattern: `${CN_ORDINAL}、` },
  { level: 3, pattern: '\\d{1,2}(?:、|\\.(?![\\d]))' },
  { level: 4, pattern: `${CN_ORDINAL}是` },
];

/** A standalone line is a title when it is short, has no clause punctuation and says one of these. */
export const TITLE_LINE_MAX = 28;
export const TITLE_WORDS = /(\d{4}年的?工作$|工作回顾|目标任务|主要任务|工作安排|工作任务|工作计划|重点工作|名词解释|名词注释|政府工作报告|以来工作|工作情况|总体要求|主要目标)/;
/**
 * A paragraph that opens the year's plan where no heading does (2002年是…非常重要的一年;
 * 今年工作的总体要求是…; “十四五”时期是… inside a part that reviewed “十三五”): `year`
 * is checked against the document year, a five-year plan must begin in it or later.
 */
export const PLAN_OPENER = /(^|\n)[ \t\u3000]*(?:(?<year>\d{4})年是|今年是|“(?<plan>[一二三四五六七八九十]+)五”(?:时期|期间)|今年(?:政府)?工作的总体要求|今年经济社会发展的(?:总体要求|主要预期目标)|今年发展的?主要预期目标)/g;

export const TITLE_YEAR_LINE = /^\d{4}年(?!\d{1,2}月)[^\d]{2,16}$/;

/** Words in a heading that say what kind of part it opens. Checked in order. */
export const PART_KIND_WORDS: { kind: 'review' | 'plan' | 'glossary'; pattern: RegExp }[] = [
  { kind: 'glossary', pattern: /名词解释|名词注释|^注释$/ },
  { kind: 'review', pattern: /回顾|过去.{0,3}年|上半年工作|以来.{0,4}工作|工作情况|主要成绩|成就/ },
  { kind: 'plan', pattern: /目标|任务|安排|计划|总体要求|政策取向|下半年|工作部署|重点工作|今年|建议|展望|打算|思路/ },
];
