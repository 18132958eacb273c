import { LEAD_FILLERS, TRAIL_FILLERS, LONE_CONNECTIVES } from '../data/fillers.ts';
import { GROWTH_WORDS, LEVEL_WORDS, DELTA_WORDS, CUT_VERBS } from '../data/measures.ts';
import { CMP_BEFORE } from '../data/comparators.ts';

const byLength = (a: string, b: string) => b.length - a.length;
const LEAD = [...new Set([...LEAD_FILLERS, ...DELTA_WORDS, ...CUT_VERBS])].sort(byLength);
const TRAIL = [...new Set([...TRAIL_FILLERS, ...GROWTH_WORDS, ...LEVEL_WORDS, ...CMP_BEFORE.map(([w]) => w)])].sort(byLength);
const LIST_MARKER = /^(\d{1,3}[.、]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、是])/;
/** Words indexed by their last (or first) character, so stripping tries only the few that can match. */
function byEdge(words: string[], edge: (w: string) => string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const w of words) {
    const k = edge(w);
    if (!index.has(k)) index.set(k, []);
    index.get(k)!.push(w);
  }
  return index;
}
const TRAIL_BY_LAST = byEdge(TRAIL, (w) => w[w.length - 1]);
const LEAD_BY_FIRST = byEdge(LEAD, (w) => w[0]);
/** When and compared with what (2000年底, 比1995年, “九五”时期, 平均每年) say nothing about what is measured. */
const TIME_WORDS = /(比|较|同比|相比|在)?(\d{4}年?[到至\-—~～]\d{4}年|\d{4}年(底|末|初)?|“[一二三四五六七八九十]+五”(期间|时期|末)?|(近|过去)?[一二三四五六七八九十]+年(来|间|内)?|(平均)?每年(实际)?|年均)(的)?/g;
const EDGE_PUNCT = /^[\s、,，:：;；()（）]+|[\s、,，:：;；(（]+$/g;

/** `text` without scene-setting words in front and verbs or comparators behind. */
export function stripIndicator(text: string, keepList = false): string {
  // 起征点从月销售额3万元提高到10万元: the baseline phrase is not part of the indicator
  let s = text.replace(TIME_WORDS, '').replace(/(从|由)[^从由，,]*(\d|百分之|[零一二两三四五六七八九十百千]{2,}[万亿]?[吨元个人度])[^从由，,]*$/, '').replace(EDGE_PUNCT, '').replace(LIST_MARKER, '');
  // 青年文化节、港口生活节等大型文化活动: the class after 等 is what is counted
  // (高等级公路, 中等职业学校 are words of their own)
  if (!keepList) s = s.replace(/^.*(?<![高中初同平均对])等(?=[\u4e00-\u9fff“]{2,})/, '');
  // 标准提高到人均280元: the per-head basis after the verb
  s = s.replace(/(?<=[到至为达])(人均|户均)$/, '');
  for (let changed = true; changed && s; ) {
    changed = false;
    // 经济增长预期目标是在明显提高质量和效益的基础上(年均增长7%): the condition is not the indicator
    const unconditioned = s.replace(/在[^，,在]{0,24}基础上$/, '');
    if (unconditioned !== s) { s = unconditioned; changed = true; continue; }
    for (const w of TRAIL_BY_LAST.get(s[s.length - 1]) ?? []) {
      // 人均, 年均 are words of their own, not a trailing 均
      if (s.endsWith(w) && s.length >= w.length && !(w === '均' && /[人年亩户]均$/.test(s))) { s = s.slice(0, -w.length).replace(EDGE_PUNCT, ''); changed = true; break; }
    }
  }
  // 小麦最低收购价每50公斤(提高): the base of the rate is not part of the indicator
  s = s.replace(/每[\d.]+[\u4e00-\u9fff]{0,3}$/, '');
  for (let changed = true; changed && s; ) {
    changed = false;
    for (const w of LEAD_BY_FIRST.get(s[0]) ?? []) {
      if (s.startsWith(w)) { s = s.slice(w.length).replace(EDGE_PUNCT, ''); changed = true; break; }
    }
  }
  // 比上年预算减少198亿元: a comparison alone names nothing; the figure belongs to the subject before it
  if (/^(比|较)(上年|去年|上一年)(年初|年末)?(预算|同期|预计数|实际)?$/.test(s)) return '';
  if (s.length === 1 && (LEAD.includes(s) || LONE_CONNECTIVES.has(s))) return '';
  return balanceQuotes(s);
}

/** Drops a dangling opening or closing quote or bracket left by a cut. */
function balanceQuotes(s: string): string {
  let t = s;
  const open = t.match(/“/g)?.length ?? 0;
  const close = t.match(/”/g)?.length ?? 0;
  if (open > close && t.endsWith('“')) t = t.slice(0, -1);
  if (close > open && t.endsWith('”')) t = t.slice(0, -1);
  if ((t.match(/”/g)?.length ?? 0) > (t.match(/“/g)?.length ?? 0) && t.startsWith('”')) t = t.slice(1);
  if ((t.match(/\(/g)?.length ?? 0) < (t.match(/\)/g)?.length ?? 0) && t.startsWith(')')) t = t.slice(1);
  return t;
}

/** The noun phrase after a number (推动400个以上授权发明专利产业化 → 授权发明专利产业化). */
export function nounAfter(text: string): string {
  // a list of nouns (智能工厂、数字化车间和5G全连接工厂) is kept whole when no other figure follows in the clause
  const clause = /^[^,，。；;:：\n]{1,40}/.exec(text)?.[0] ?? '';
  const m = /、/.test(clause) && !/\d/.test(clause.replace(/\d+G/g, ''))
    ? [clause]
    : /^(?:“[^”\n]{0,20}”|[^,，。；;、:：\n\d“]){1,24}/.exec(text);
  if (!m) return '';
  // 两个社区成为全省首批未来社区试点: what the things became names them (全省首批未来社区试点社区)
  const became = ACHIEVED.exec(m[0]);
  if (became && became.index > 0) {
    const noun = stripIndicator(m[0].slice(0, became.index).replace(/^的/, ''));
    const what = stripIndicator(m[0].slice(became.index + became[0].length).replace(/(名单|行列)$/, ''));
    if (noun && what) return what + noun;
  }
  let s = m[0].replace(/(开工建设|开工|建成|完成|通过|实现|投入使用|投用|上榜|入选|入围|获评|落地|启动|顺利|成功|等|成为|为了?|被|参与|参加|贡献|提请).*$/, (all) => (all.length === m[0].length ? all : ''));
  s = s.replace(/^的/, '').replace(/[(（][^)）]*$/, '');
  return stripIndicator(s);
}

const ACHIEVED = /被认定为|被评为|成为|入选|入围|上榜|获评|通过|实现|完成|跻身/;

/**
 * The members of a list subject (高新技术、战略新兴、装备制造产业增加值), each
 * completed with the shared tail when it is too short to stand alone
 * (城镇和农村居民人均可支配收入 → 城镇居民…, 农村居民…).
 */
export function splitSubject(subject: string): string[] {
  const cleaned = subject.replace(/等[^、和及与]{0,8}(指标|项目|领域|行业|产业)?$/, '');
  const parts = cleaned.split(/、|和|及|与|以及/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return [subject];
  const last = parts[parts.length - 1];
  return parts.map((p, i) => (i < parts.length - 1 && p.length <= 3 && last.length > p.length + 2 ? p + last.slice(p.length) : p));
}

/** 90%以上非涉密事项实现“一窗受理、一网通办”: a percentage before a noun is the share of it that does so. */
export function shareOf(after: string): string {
  // 提出8%左右的增长目标: the figure is the target itself, not a share of one
  if (/^(以上|以下|左右)?的?(增长|预期)*目标/.test(after)) return '';
  const clause = /^(?:以上|以下|左右)?的?((?:“[^”\n]{0,20}”|[^,，。；;:：\n\d“])+)/.exec(after)?.[1] ?? '';
  return clause ? `${stripIndicator(clause)}比例` : '';
}

/** 危废安全处置利用率和污染地块安全利用率: two rates joined by 和 are two records (rates do not add up). */
export function rates(ind: string): string[] {
  const parts = ind.split('和');
  return parts.length === 2 && parts.every((p) => p.length >= 4 && /(率|比重|占比)$/.test(p)) ? parts : [ind];
}

/** A subject that lists members with 、 (not a single indicator). */
export function listSubject(ind: string): string[] | undefined {
  if (!ind.includes('、')) return undefined;
  const items = splitSubject(ind);
  return items.length >= 2 ? items : undefined;
}
