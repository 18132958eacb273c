import { BASE_UNITS, MAGNITUDES, NOT_QUANTITY_AFTER, CN_NUMERAL_MIN, CN_NAME_UNITS, UNIT_GLUED, NAME_AFTER_UNIT, CN_NAMED_NOUNS } from '../data/units.ts';
import { CMP_AFTER, CMP_INSIDE, type Cmp } from '../data/comparators.ts';
import { chineseNumber } from '../data/numerals.ts';

/** A number with its unit as written, found in the normalised text. */
export interface Token {
  /** Offsets into the normalised text: the number itself … the end of unit and trailing comparator. */
  start: number;
  end: number;
  value: number;
  valueHi?: number;
  unit: string;
  /** The comparator carried by the token itself (左右, 以上, 余, a range). */
  cmp?: Cmp;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;
const UNIT = BASE_UNITS.slice().sort(byLength).map(esc).join('|');
const MAG = MAGNITUDES.map(esc).join('|');
const AFTER = CMP_AFTER.map(([w]) => w).sort(byLength).map(esc).join('|');
const INSIDE = CMP_INSIDE.map(([w]) => w).join('|');
// 27,203,319,000元: thousands separators (either comma) inside a number
const NUM = '\\d{1,3}(?:[,，]\\d{3})+(?!\\d)(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
// 十四万六千吨: a 万 followed by thousands belongs to the numeral, not the unit
// Bounded runs: no real numeral is longer, and unbounded ones made the scan quadratic on a page of 十十十….
const CN = '[零〇一二两三四五六七八九十百千]{1,24}(?:万(?=[一二两三四五六七八九]千)[零〇一二两三四五六七八九十百千]{1,24})?(?:亿[零〇一二两三四五六七八九十百千]{1,24})?';

const TOKEN = new RegExp(
  `每立方米(?<conc>${NUM})(?<concUnit>微克|毫克)(?<concAfter>${AFTER})?` +
    `|百分之(?<pct>${CN}(?:点[零〇一二三四五六七八九]+)?)` +
    `|(?<den>[一二三四五六七八九十百]{1,8})分之(?<nom>[一二三四五六七八九十]{1,8})` +
    // a Chinese numeral only counts with a unit after it (looked ahead, so 一流, 十大 cost no match)
    `|(?<v>${NUM}|${CN}(?=(?:${INSIDE})?(?:${MAG})?(?:${UNIT})))(?<u1>%)?(?:\\s*(?<sep>[-－—–~～至到]{1,2})\\s*(?<v2>${NUM}))?` +
    `(?<inside>${INSIDE})?(?<mag>${MAG})?(?<inside2>${INSIDE})?(?<mag2>(?<=万(?:多|余))亿)?(?<unit>${UNIT})?(?<after>${AFTER})?`,
  'g',
);
const CMP_OF = new Map<string, Cmp>([...CMP_AFTER, ...CMP_INSIDE]);
const LETTER = /[A-Za-z]/;

/** Every number in `text` that carries a unit and is not a date, an ordinal or part of a name. */
export function findTokens(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[0].length === 0) { TOKEN.lastIndex++; continue; }
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (g.conc) {
      const token: Token = { start, end, value: Number(g.conc.replace(/[,，]/g, '')), unit: `${g.concUnit}/立方米` };
      if (g.concAfter) token.cmp = CMP_OF.get(g.concAfter);
      out.push(token);
      continue;
    }
    if (g.pct) {
      const v = g.pct.includes('点')
        ? Number(`${chineseNumber(g.pct.split('点')[0])}.${[...g.pct.split('点')[1]].map((c) => chineseNumber(c)).join('')}`)
        : chineseNumber(g.pct);
      if (Number.isFinite(v)) out.push({ start, end, value: v, unit: '%' });
      continue;
    }
    if (g.den) {
      const v = chineseNumber(g.nom) / chineseNumber(g.den);
      if (Number.isFinite(v) && v > 0 && v < 1) out.push({ start, end, value: v, unit: '' });
      continue;
    }
    const arabic = /\d/.test(g.v[0]);
    const prev = text[start - 1] ?? '';
    if (arabic && (/[\d.]/.test(prev) || LETTER.test(prev))) continue;
    // 3万多亿元: the 多 sits between two magnitude words
    const unit = (g.mag ?? '') + (g.mag2 ?? '') + (g.unit ?? (g.u1 ? '%' : ''));
    const follow = text.slice(end, end + 4);
    if (!unit) continue;
    if (!g.unit && NOT_QUANTITY_AFTER.test(follow)) continue;
    if (g.unit === '分钟' && /^[\u4e00-\u9fff“]/.test(follow)) continue; // 15分钟生活圈 is a name
    if (g.unit && LETTER.test(text[end] ?? '') && !g.after) continue;
    if (g.unit && !g.after && UNIT_GLUED.test(text.slice(end - g.unit.length, end + 2))) continue;
    if (g.unit && NAME_AFTER_UNIT.test(follow)) continue;
    if (prev === '第' || (prev === '前' && /^[强名位]/.test(follow))) continue;
    // 每50公斤, 每10万人: the base a rate is counted per, not an amount
    if (prev === '每') continue;
    let value: number;
    if (arabic) value = Number(g.v.replace(/[,，]/g, ''));
    else {
      // 四亿零七百多万吨: the part after 亿 counts in the magnitude that follows (万), so 4亿 is 40000万
      const yi = g.v.indexOf('亿');
      value = yi > 0 && g.mag === '万' ? chineseNumber(g.v.slice(0, yi)) * 1e4 + chineseNumber(g.v.slice(yi + 1).replace(/^零/, '')) : chineseNumber(g.v);
      if (!Number.isFinite(value) || value < CN_NUMERAL_MIN || !g.unit) continue;
      if (g.v.length === 1 && '十百千'.includes(g.v)) continue; // 千亩方, 百公里: a round figure naming a thing
      if (follow[0] === '“' || CN_NAMED_NOUNS.test(follow) || prev === '每' || prev === '零') continue; // 三个“一号工程”, 四项基本原则, 每周五天, 一年零三个月
      if (CN_NAME_UNITS.test(text.slice(end - g.unit.length - (g.after?.length ?? 0), end + 2))) continue;
    }
    const token: Token = { start, end, value, unit };
    if (g.v2) {
      if (g.u1 && g.unit && g.unit !== '%') continue;
      token.valueHi = Number(g.v2.replace(/[,，]/g, ''));
      token.cmp = 'range';
      if (!(token.valueHi > value)) continue;
    } else if (g.after) token.cmp = CMP_OF.get(g.after);
    else if (g.inside || g.inside2) token.cmp = CMP_OF.get(g.inside ?? g.inside2);
    out.push(token);
  }
  return out;
}
