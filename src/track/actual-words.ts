/**
 * Words by which a review qualifies its figures or states a result without
 * one. 接近2.8% is a little under 2.8%; 超过2.8% a little over; 全面完成 is a
 * result with no number at all.
 */
export type Qualifier = 'below' | 'above' | 'about' | 'at_least' | 'at_most';

/** Words written just before the number. Longest first, so 将近 wins over 近. */
export const WORDS_BEFORE_NUMBER: ReadonlyArray<[string, Qualifier]> = [
  ['接近', 'below'], ['将近', 'below'], ['逼近', 'below'], ['不到', 'below'], ['不足', 'below'],
  ['低于', 'below'], ['少于', 'below'], ['近', 'below'],
  ['超过', 'above'], ['突破', 'above'], ['高于', 'above'], ['多于', 'above'], ['逾', 'above'], ['超', 'above'],
  ['约', 'about'], ['大约', 'about'],
  ['不低于', 'at_least'], ['不少于', 'at_least'], ['至少', 'at_least'],
  ['不超过', 'at_most'], ['不高于', 'at_most'],
];

/** Words written just after the number and its unit. */
export const WORDS_AFTER_NUMBER: ReadonlyArray<[string, Qualifier]> = [
  ['以上', 'at_least'], ['多', 'above'], ['余', 'above'],
  ['左右', 'about'],
  ['以内', 'at_most'], ['以下', 'at_most'],
];

export type WordVerdict = 'met' | 'partly_met' | 'missed';

/** Results stated in words. Checked in this order: a negation first (未完成 contains 完成), then "basically", then plain success. */
export const RESULT_WORDS: ReadonlyArray<[string, WordVerdict]> = [
  ['未完成', 'missed'], ['未能完成', 'missed'], ['没有完成', 'missed'], ['没完成', 'missed'],
  ['未实现', 'missed'], ['未能实现', 'missed'], ['没有实现', 'missed'],
  ['未达到', 'missed'], ['未能达到', 'missed'], ['没有达到', 'missed'], ['未达标', 'missed'], ['未能如期', 'missed'],
  ['基本完成', 'partly_met'], ['基本实现', 'partly_met'], ['基本达到', 'partly_met'], ['大部分完成', 'partly_met'],
  ['超额完成', 'met'], ['全面完成', 'met'], ['圆满完成', 'met'], ['如期完成', 'met'], ['顺利完成', 'met'],
  ['较好完成', 'met'], ['完成', 'met'], ['实现', 'met'], ['达到', 'met'], ['达标', 'met'],
];

export function resultFromWords(text: string | undefined): WordVerdict | undefined {
  if (!text) return undefined;
  for (const [word, verdict] of RESULT_WORDS) if (text.includes(word)) return verdict;
  return undefined;
}
