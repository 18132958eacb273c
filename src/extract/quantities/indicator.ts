import { LEAD_FILLERS, TRAIL_FILLERS } from '../data/fillers.ts';
import { GROWTH_WORDS, LEVEL_WORDS, DELTA_WORDS } from '../data/measures.ts';
import { CMP_BEFORE } from '../data/comparators.ts';

const byLength = (a: string, b: string) => b.length - a.length;
const LEAD = [...new Set([...LEAD_FILLERS, ...DELTA_WORDS])].sort(byLength);
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
const EDGE_PUNCT = /^[\s、,，:：;；()（）]+|[\s、,，:：;；(（]+$/g;

/** `text` without scene-setting words in front and verbs or comparators behind. */
export function stripIndicator(text: string, keepList = false): string {
  let s = text.replace(EDGE_PUNCT, '').replace(LIST_MARKER, '');
  // 青年文化节、港口生活节等大型文化活动: the class after 等 is what is counted
  if (!keepList) s = s.replace(/^.*等(?=[\u4e00-\u9fff“]{2,})/, '');
  for (let changed = true; changed && s; ) {
    changed = false;
    for (const w of TRAIL_BY_LAST.get(s[s.length - 1]) ?? []) {
      if (s.endsWith(w) && s.length >= w.length) { s = s.slice(0, -w.length).replace(EDGE_PUNCT, ''); changed = true; break; }
    }
  }
  for (let changed = true; changed && s; ) {
    changed = false;
    for (const w of LEAD_BY_FIRST.get(s[0]) ?? []) {
      if (s.startsWith(w)) { s = s.slice(w.length).replace(EDGE_PUNCT, ''); changed = true; break; }
    }
  }
  if (s.length === 1 && LEAD.includes(s)) return '';
  return balanceQuotes(s);
}

/** Drops a dangling opening or closing quote or bracket left by a cut. */
function balanceQuotes(s: string): string {
  let t = s;
  if ((t.match(/“/g)?.length ?? 0) > (t.match(/”/g)?.length ?? 0) && t.endsWith('“')) t = t.slice(0, -1);
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
    : /^[^,，。；;、:：\n\d]{1,24}/.exec(text);
  if (!m) return '';
  let s = m[0].replace(/(开工建设|开工|建成|完成|通过|实现|投入使用|投用|上榜|入选|入围|获评|落地|启动|顺利|成功|等).*$/, (all, w: string) => (all.length === m[0].length ? all : ''));
  s = s.replace(/^的/, '').replace(/[(（][^)）]*$/, '');
  return stripIndicator(s);
}

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
