import type { QuantityRecord } from '../quantity.ts';
import type { MappedText } from '../../text/offset-map.ts';
import { originalSpan } from '../../text/offset-map.ts';
import { partAt, sectionAt, type Outline, type Part } from '../../outline/outline.ts';
import { findTokens, type Token } from './tokens.ts';
import { stripIndicator, nounAfter, splitSubject } from './indicator.ts';
import { cmpBefore, measureOf, directionOf, isStretch } from './classify.ts';
import { extractQuotaTables } from './quota-table.ts';
import { COUNT_UNITS } from '../data/units.ts';
import { DELTA_WORDS } from '../data/measures.ts';

const SENTENCE_END = new Set('。；;！!？?\n');
const CLAUSE_END = new Set('，,：:');
const DELTA_TAIL = new RegExp(`(${DELTA_WORDS.join('|')}|运作|组织|建立)$`);
// 分别 and 均 share a figure or a list of figures; 人均, 年均, 亩均 are words of their own
const SHARED = /^(.*?)(分别|(?<![人年平亩])均)/;
const SHARED_ALL = /分别|(?<![人年平亩])均/g;
const POLICY_VERBS = /出台|实施|落实|制定|推出|印发|意见|政策|措施|办法/;
const SUB_SCOPE = /^(区本级|市本级|县本级|本级|市区|城区|其中[^，,]{0,6}?)$/;

/** Every quantitative target and actual of a normalised report. */
export function extractQuantities(doc: string, norm: MappedText, outline: Outline, defaultKind: 'target' | 'actual' = 'target'): QuantityRecord[] {
  const text = norm.text;
  const tokens = findTokens(text);
  const records: QuantityRecord[] = [];
  let sentenceStart = -1;
  let previous: { indicators: string[]; sentence: number; scope?: string } | undefined;
  let lastEnd = -1;

  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    const part = partAt(outline, tok.start);
    if (part.kind === 'glossary') continue;
    const sStart = boundaryBefore(text, tok.start, SENTENCE_END);
    if (sStart !== sentenceStart) { sentenceStart = sStart; previous = undefined; }
    if (insideQuotes(text, sStart, tok.start)) continue;
    const prevEnd = lastEnd > sStart ? lastEnd : sStart;
    const cStart = openParenthesis(text, Math.max(boundaryBefore(text, tok.start, CLAUSE_END), prevEnd), tok.start);
    const before = text.slice(cStart, tok.start);
    const after = text.slice(tok.end, tok.end + 30);
    if (isQualifier(text, tok, tokens[t + 1]) || isPolicyName(text, tok, cStart)) continue;
    lastEnd = tok.end;

    let indicators: string[];
    const dist = SHARED.exec(before);
    if (dist && /[、和及与]/.test(dist[1])) {
      const items = splitSubject(stripIndicator(dist[1], true));
      const run = runLength(text, tokens, t);
      if (dist[2] === '均') indicators = items;
      else indicators = items.length === run ? [items[0]] : [stripIndicator(dist[1])];
      if (dist[2] === '分别' && items.length === run) {
        // the i-th number of the run belongs to the i-th member
        for (let k = 0; k < run; k++) {
          const tk = tokens[t + k];
          records.push(makeRecord(doc, norm, outline, part, tk, items[k], text.slice(cStart, tk.end), text.slice(tk.start > cStart ? cStart : tk.start, tk.start), after, defaultKind));
        }
        previous = { indicators: items, sentence: sStart };
        t += run - 1;
        continue;
      }
    } else {
      let ind = stripIndicator(before);
      const scope = SUB_SCOPE.exec(ind);
      if (scope && previous) ind = previous.indicators[0];
      let inherited = false;
      const noun = nounAfter(after.replace(/^(以上|以下|左右)/, ''));
      const nounFirst = !!noun && /^(的)?[\u4e00-\u9fff“A-Za-z]/.test(after) && !/^(和|及|与|或|等|为|之间|以上|以下|左右)/.test(after);
      const countUnit = COUNT_UNITS.has(tok.unit.replace(/^(万|亿)/, ''));
      if (nounFirst && (countUnit || !ind || ind.length <= 2 || DELTA_TAIL.test(before) || /、|等$/.test(before.trim()))) ind = noun;
      else if (!ind) {
        if (previous) { ind = previous.indicators[0]; inherited = true; }
        else if (noun && /^[\u4e00-\u9fff“]/.test(noun)) ind = noun;
      }
      if (SHARED.test(before) && previous && !stripIndicator(before.replace(SHARED_ALL, ''))) {
        // 分别增长3.2%和2.4%: the members of the previous list, in order
        const run = runLength(text, tokens, t);
        for (let k = 0; k < run; k++) {
          const tk = tokens[t + k];
          const ik = previous.indicators[Math.min(k, previous.indicators.length - 1)];
          records.push(withScope(makeRecord(doc, norm, outline, part, tk, ik, text.slice(cStart, tk.end), before, after, defaultKind), previous.scope));
        }
        t += run - 1;
        continue;
      }
      const list = listSubject(before, ind);
      if (list && !scope) {
        // 批发零售业销售额、网络零售额5321.6亿元、485亿元: members and figures in order
        const run = runLength(text, tokens, t);
        if (run === list.length) {
          for (let k = 0; k < run; k++) {
            const tk = tokens[t + k];
            records.push(makeRecord(doc, norm, outline, part, tk, list[k], text.slice(cStart, tk.end), before, after, defaultKind));
          }
          previous = { indicators: list, sentence: sStart };
          t += run - 1;
          continue;
        }
      }
      indicators = ind ? rates(ind) : [];
      if (scope && ind) {
        const rec = makeRecord(doc, norm, outline, part, tok, ind, text.slice(cStart, tok.end), before, after, defaultKind);
        rec.scope = scope[1].replace(/^其中/, '');
        records.push(rec);
        previous = { indicators: [ind], sentence: sStart, scope: rec.scope };
        continue;
      }
      if (inherited && previous?.scope) {
        records.push(withScope(makeRecord(doc, norm, outline, part, tok, ind, text.slice(cStart, tok.end), before, after, defaultKind), previous.scope));
        continue;
      }
    }
    if (!indicators.length) continue;
    for (const ind of indicators) {
      records.push(makeRecord(doc, norm, outline, part, tok, ind, text.slice(cStart, tok.end).replace(/^[、,，]/, ''), before, after, defaultKind));
    }
    // a number joined to the next by 和 shares the subject: 达到70074元和39953元
    if (!previous || previous.sentence !== sStart || !/^[和、]$/.test(before)) previous = { indicators, sentence: sStart };
  }
  // table cells repeat their row label as quote: they are not repeated statements
  return [...dedupe(records), ...extractQuotaTables(doc, norm, outline, records)];
}

/** A figure inside an unclosed parenthesis (区本级1931.8亿元) starts its clause there. */
function openParenthesis(text: string, from: number, at: number): number {
  const clause = text.slice(from, at);
  const open = clause.lastIndexOf('(');
  return open >= 0 && !clause.includes(')', open) ? from + open + 1 : from;
}

/** 出台…24条, 落实…80条: a policy named by its number of articles. */
function isPolicyName(text: string, tok: Token, clause: number): boolean {
  return tok.unit === '条' && POLICY_VERBS.test(text.slice(clause, tok.start));
}

function withScope(rec: QuantityRecord, scope: string | undefined): QuantityRecord {
  if (scope) rec.scope = scope;
  return rec;
}

/** How many figures follow one another joined only by 、 和 及 (a list of figures). */
function runLength(text: string, tokens: Token[], t: number): number {
  let run = 1;
  while (t + run < tokens.length && /^[、和及与]?$/.test(text.slice(tokens[t + run - 1].end, tokens[t + run].start))) run++;
  return run;
}

/** 危废安全处置利用率和污染地块安全利用率: two rates joined by 和 are two records (rates do not add up). */
function rates(ind: string): string[] {
  const parts = ind.split('和');
  return parts.length === 2 && parts.every((p) => p.length >= 4 && /(率|比重|占比)$/.test(p)) ? parts : [ind];
}

/** A subject that lists members with 、 (not a single indicator). */
function listSubject(before: string, ind: string): string[] | undefined {
  if (!ind.includes('、')) return undefined;
  const items = splitSubject(ind);
  return items.length >= 2 ? items : undefined;
}

function makeRecord(
  doc: string, norm: MappedText, outline: Outline, part: Part, tok: Token, indicator: string,
  quote: string, before: string, after: string, defaultKind: 'target' | 'actual',
): QuantityRecord {
  const kind = part.kind === 'review' ? 'actual' : part.kind === 'plan' ? 'target' : defaultKind;
  const cmp = tok.cmp ?? cmpBefore(before.replace(/[^\u4e00-\u9fff]+$/, '')) ?? 'eq';
  const quoteStart = tok.end - quote.length;
  const rec: QuantityRecord = {
    doc,
    kind,
    indicator,
    measure: measureOf(before, tok.unit, indicator, after),
    direction: directionOf(before),
    value: tok.value,
    unit: tok.unit,
    cmp,
    quote: quote.trim(),
    span: originalSpan(norm, Math.max(0, quoteStart), tok.end),
    section: sectionAt(outline, tok.start),
  };
  if (tok.valueHi !== undefined) rec.value_hi = tok.valueHi;
  if (isStretch(quote)) rec.stretch = true;
  if (part.period) rec.period = part.period;
  return rec;
}

function boundaryBefore(text: string, at: number, ends: Set<string>): number {
  for (let i = at - 1; i >= 0 && at - i < 400; i--) if (ends.has(text[i])) return i + 1;
  return Math.max(0, at - 400);
}

/** A number inside “…” is part of a name (“十三五”, “四个意识”). */
function insideQuotes(text: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    if (text[i] === '“') depth++;
    else if (text[i] === '”') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** 年销售额30亿元以上企业6家: the first figure qualifies what the second counts. */
function isQualifier(text: string, tok: Token, next: Token | undefined): boolean {
  if (!next) return false;
  const between = text.slice(tok.end, next.start);
  if (between.length > 14 || /[、,，。；;和及与]/.test(between)) return false;
  const base = next.unit.replace(/^(万|亿)/, '');
  // 经营性收入50万元以上的行政村达到90%: a 的-phrase makes the first figure part of a name
  if (/^(以上|以下)?的[\u4e00-\u9fff]+$/.test(between) || ((tok.cmp === 'ge' || tok.cmp === 'le') && /^的/.test(between))) return true;
  return COUNT_UNITS.has(base) && /^(以上|以下)?[\u4e00-\u9fff“”]+$/.test(between) && (tok.cmp === 'ge' || tok.cmp === 'le' || /的/.test(between) || between.length > 1);
}

function dedupe(records: QuantityRecord[]): QuantityRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const key = `${r.kind}|${r.indicator}|${r.value}|${r.value_hi ?? ''}|${r.unit}|${r.scope ?? ''}|${r.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
