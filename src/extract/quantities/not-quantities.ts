import type { Token } from './tokens.ts';
import { COUNT_UNITS } from '../data/units.ts';
import { DELTA_WORDS } from '../data/measures.ts';

const DELTA_VERB = new RegExp(DELTA_WORDS.join('|'));

/** Figures that are written like quantities but are part of a name or a qualifier. */
const POLICY_VERBS = /出台|实施|落实|制定|推出|印发|意见|政策|措施|办法/;

/** 出台…24条, 落实…80条: a policy named by its number of articles. */
export function isPolicyName(text: string, tok: Token, clause: number): boolean {
  return tok.unit === '条' && POLICY_VERBS.test(text.slice(clause, tok.start));
}

/** 年销售额30亿元以上企业6家: the first figure qualifies what the second counts. */
export function isQualifier(text: string, tok: Token, next: Token | undefined): boolean {
  if (!next) return false;
  const between = text.slice(tok.end, next.start);
  // 上10亿元工业企业、批零企业分别达到17家: a bound glued to a noun qualifies it across a list too
  const bound = tok.cmp === 'ge' || tok.cmp === 'le' || text[tok.start - 1] === '上';
  if (bound && !COUNT_UNITS.has(tok.unit.replace(/^(万|亿)/, '')) && between.length <= 24 && /^[\u4e00-\u9fff“]/.test(between) && !/[,，。；;]/.test(between)
    && COUNT_UNITS.has(next.unit.replace(/^(万|亿)/, ''))) return true;
  if (between.length > 14 || /[、,，。；;和及与]/.test(between)) return false;
  const base = next.unit.replace(/^(万|亿)/, '');
  // 经营性收入50万元以上的行政村达到90%: a 的-phrase makes the first figure part of a name
  if (/^(以上|以下)?的[\u4e00-\u9fff]+$/.test(between) || ((tok.cmp === 'ge' || tok.cmp === 'le') && /^的/.test(between))) return true;
  return COUNT_UNITS.has(base) && /^(以上|以下)?[\u4e00-\u9fff“”]+$/.test(between) && (tok.cmp === 'ge' || tok.cmp === 'le' || /的/.test(between) || between.length > 1);
}

/** 起征点从月销售额3万元提高到10万元: the figure it starts from is a baseline, not a target or result. */
export function isBaseline(before: string, after: string): boolean {
  return /(从|由)[^，,。；;]*$/.test(before) && /^(以上)?(提高|提升|增加|增长|扩大|降低|下降|减少|压减|缩短|缩小|上升|回落|跃升|增|降)(到|至)/.test(after);
}

/**
 * 两个超级大国, 四个现代化, 抓好体制改革和对外开放这两件大事, 支持香港、澳门两个
 * 特别行政区: a small count in Chinese numerals before the noun it counts names a
 * set of things (often the list just before it), unless a verb says something was
 * done to them or how many there are (开工灰库、半山两个物流基地, 建成三个公园, 达到五个).
 */
export function isNamedCount(text: string, tok: Token, before: string): boolean {
  if (!/^[一二两三四五六七八九十]/.test(text[tok.start]) || !COUNT_UNITS.has(tok.unit) || tok.value > 10) return false;
  if (!/^[\u4e00-\u9fff“]/.test(text[tok.end] ?? '')) return false;
  // 两个社区成为全省首批未来社区试点: a count that opens its clause is what the clause reports
  return /[\u4e00-\u9fff]/.test(before) && !DELTA_VERB.test(before) && !COUNTED.test(before);
}

const COUNTED = /(达到|达|有|共|累计|总计|合计|增加|新增|减少|超过|突破)$/;
