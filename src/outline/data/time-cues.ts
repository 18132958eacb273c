/**
 * Words that say which time a passage speaks of, whatever part it sits in:
 * a plan part restating last year's results (过去一年，…增长10.3%), a review
 * part announcing this year's plans (今年拟安排…), a five-year review that
 * turns to the last year (刚刚过去的2017年，…).
 */

/** Not a cue when it follows these: 比去年, 较上年, 同去年相比, 在去年基础上, 高于去年, 过去年度. */
export const COMPARED_BEFORE = '比较于与同和及在过';
/** Not a cue when it is followed by these: 去年同期, 上年度预算 still compare. */
export const COMPARED_AFTER = '同期|基础|水平|的基础|的水平|年底|末';

/** Cues that name a time relative to the document year, with what kind of statement follows. */
export const RELATIVE_CUES: { words: string; kind: 'review' | 'plan'; years: (year: number) => string }[] = [
  { words: '过去五年|五年来|这五年', kind: 'review', years: (y) => `${y - 5}-${y - 1}` },
  { words: '今后五年|未来五年', kind: 'plan', years: (y) => `${y}-${y + 4}` },
  // 上年 alone is left out: 基础上年均 reads 上年 across two words
  { words: '过去一年|过去的一年|去年|上一年', kind: 'review', years: (y) => String(y - 1) },
  { words: '今年以来|本年以来', kind: 'review', years: (y) => String(y) },
  { words: '今年|本年度', kind: 'plan', years: (y) => String(y) },
];

/** A year that opens a sentence (2017年，…; 刚刚过去的2017年; 到2020年) sets the time of what follows. */
export const YEAR_OPENER = '(?:刚刚过去的|过去的|在|到|截至|至)?';
