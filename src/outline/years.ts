/**
 * Years written in Chinese numerals (一九八四年, 一九五○年) read as years: the
 * outline and the time frames look at a copy of the text with those years in
 * digits. Each numeral becomes one digit, so every offset stays valid.
 */
const CN_YEAR = /[一二三四五六七八九][〇○零一二三四五六七八九]{3}(?=年)/g;
const DIGIT: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

export function foldChineseYears(text: string): string {
  return text.replace(CN_YEAR, (y) => [...y].map((c) => DIGIT[c]).join(''));
}
