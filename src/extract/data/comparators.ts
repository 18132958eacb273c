/** How a number binds, from the words around it (spec: cmp). */
export type Cmp = 'eq' | 'approx' | 'ge' | 'gt' | 'le' | 'lt' | 'range';

/** Words right after the number and unit. */
export const CMP_AFTER: [string, Cmp][] = [
  ['左右', 'approx'], ['上下', 'approx'],
  ['以上', 'ge'], ['及以上', 'ge'],
  ['以内', 'le'], ['之内', 'le'], ['以下', 'le'],
];

/** Words just before the number (after the indicator and verb). Longest first. */
export const CMP_BEFORE: [string, Cmp][] = [
  ['不低于', 'ge'], ['不少于', 'ge'], ['至少', 'ge'], ['不下于', 'ge'], ['上', 'ge'],
  ['不超过', 'le'], ['不高于', 'le'], ['最多', 'le'], ['控制在', 'eq'],
  ['超过', 'gt'], ['突破', 'gt'], ['高于', 'gt'], ['多于', 'gt'], ['超', 'gt'], ['逾', 'gt'],
  ['低于', 'lt'], ['少于', 'lt'], ['小于', 'lt'], ['不到', 'lt'],
  ['大约', 'approx'], ['约', 'approx'], ['接近', 'approx'], ['近', 'approx'],
];

/** Between number and unit: 1600余家, 30多个. */
export const CMP_INSIDE: [string, Cmp][] = [['余', 'gt'], ['多', 'gt']];

/** An aspirational figure (spec: stretch). */
export const STRETCH_WORDS = /力争|争取|努力|奋力/;
