import type { QuantityRecord } from '../quantity.ts';
import type { MappedText } from '../../text/offset-map.ts';
import { partAt, type Outline } from '../../outline/outline.ts';
import { findTokens } from './tokens.ts';
import { stripIndicator, nounAfter, splitSubject, shareOf, rates, listSubject } from './indicator.ts';
import { extractQuotaTables } from './quota-table.ts';
import { COUNT_UNITS } from '../data/units.ts';
import type { Message } from '../message.ts';
import { SENTENCE_END, SENTENCE_MAX, CLAUSE_END, boundaryBefore, openParenthesis, insideQuotes, runLength } from './clauses.ts';
import { isQualifier, isPolicyName, isBaseline, isNamedCount } from './not-quantities.ts';
import { makeRecord, withScope } from './record.ts';
import { DELTA_WORDS } from '../data/measures.ts';

const DELTA_TAIL = new RegExp(`(${DELTA_WORDS.join('|')}|运作|组织|建立)$`);
// 分别, 均 and a final 各 share a figure or a list of figures; 人均, 年均, 亩均 are words of their own
const SHARED = /^(.*?)(分别|(?<![人年平亩])均|各$)/;
const SHARED_ALL = /分别|(?<![人年平亩])均|各$/g;
const SUB_SCOPE = /^(区本级|市本级|县本级|本级|市区|城区|其中[^，,]{0,6}?)$/;

/** Every quantitative target and actual of a normalised report. */
export function extractQuantities(
  doc: string, norm: MappedText, outline: Outline, defaultKind: 'target' | 'actual' = 'target', messages: Message[] = [],
): QuantityRecord[] {
  const text = norm.text;
  const tokens = findTokens(text);
  const records: QuantityRecord[] = [];
  let sentenceStart = -1;
  let previous: { indicators: string[]; sentence: number; scope?: string } | undefined;
  let lastEnd = -1;
  // figures come in order, so each stretch of text is scanned for a sentence end once
  let scannedTo = 0;
  let sentence = 0;
  const sentenceStartOf = (at: number): number => {
    for (let i = at - 1; i >= scannedTo; i--) if (SENTENCE_END.has(text[i])) { sentence = i + 1; break; }
    scannedTo = at;
    return Math.max(sentence, at - SENTENCE_MAX);
  };

  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    const part = partAt(outline, tok.start);
    if (part.kind === 'glossary') continue;
    const sStart = sentenceStartOf(tok.start);
    if (sStart !== sentenceStart) { sentenceStart = sStart; previous = undefined; }
    if (insideQuotes(text, sStart, tok.start)) continue;
    const prevEnd = lastEnd > sStart ? lastEnd : sStart;
    const cStart = openParenthesis(text, Math.max(boundaryBefore(text, tok.start, CLAUSE_END), prevEnd), tok.start);
    const before = text.slice(cStart, tok.start);
    const after = text.slice(tok.end, tok.end + 30);
    if (isQualifier(text, tok, tokens[t + 1]) || isPolicyName(text, tok, cStart) || isBaseline(before, after) || isNamedCount(text, tok, before)) continue;
    lastEnd = tok.end;

    if (!previous && cStart > sStart && !stripIndicator(before.replace(SHARED_ALL, ''))) {
      // 农村居民人均纯收入和城镇居民人均可支配收入，2000年分别达到2253元和6280元: the subject is the clause before
      const subject = stripIndicator(text.slice(Math.max(sStart, boundaryBefore(text, cStart - 1, CLAUSE_END)), cStart - 1));
      if (subject && !/\d/.test(subject)) previous = { indicators: splitSubject(subject), sentence: sStart };
    }
    let indicators: string[];
    const dist = SHARED.exec(before);
    if (dist && /[、和及与]/.test(dist[1])) {
      const items = splitSubject(stripIndicator(dist[1], true));
      const run = runLength(text, tokens, t);
      if (dist[2] !== '分别') indicators = items;
      else indicators = items.length === run ? [items[0]] : [stripIndicator(dist[1])];
      if (dist[2] === '分别' && items.length === run) {
        // the i-th number of the run belongs to the i-th member
        for (let k = 0; k < run; k++) {
          const tk = tokens[t + k];
          records.push(makeRecord(doc, norm, outline, part, tk, items[k], text.slice(cStart, tk.end), before, after, defaultKind));
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
      // a bare magnitude (77万基本医保参保人员) counts the noun after it, as a count unit does
      const countUnit = COUNT_UNITS.has(tok.unit.replace(/^(万|亿)/, '')) || /^(万|亿)$/.test(tok.unit);
      if (nounFirst && tok.unit === '%' && !ind) ind = shareOf(after);
      else if (nounFirst && (countUnit || !ind || ind.length <= 2 || DELTA_TAIL.test(before) || /、/.test(before.replace(/^[、,，\s]+/, '')) || /等$/.test(before.trim()))) ind = noun;
      else if (ind && ind.length <= 4 && /^、/.test(before)) ind = completeFromPrevious(ind, records[records.length - 1], sStart, norm);
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
      const list = listSubject(ind);
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
    // 增长8%和9.2%: a figure joined by 和 reads like the one before it
    const like = /^[、和及与]$/.test(before.trim()) ? records[records.length - 1] : undefined;
    for (const ind of indicators) {
      const rec = makeRecord(doc, norm, outline, part, tok, ind, text.slice(cStart, tok.end).replace(/^[、,，]/, ''), before, after, defaultKind);
      if (like && like.unit === rec.unit) { rec.measure = like.measure; rec.direction = like.direction; }
      records.push(rec);
    }
    // a number joined to the next by 和 shares the subject: 达到70074元和39953元
    if (!previous || previous.sentence !== sStart || !/^[和、]$/.test(before)) previous = { indicators, sentence: sStart };
  }
  // table cells repeat their row label as quote: they are not repeated statements
  return [...dedupe(records), ...extractQuotaTables(doc, norm, outline, records, messages)];
}

/** 建成特色农产品电商示范镇5个、示范村100个: a short member borrows the qualifiers of the one before it. */
function completeFromPrevious(ind: string, last: QuantityRecord | undefined, sentence: number, norm: MappedText): string {
  if (!last || last.span.start < norm.map[sentence]) return ind;
  const at = last.indicator.indexOf(ind.slice(0, 2));
  return at > 0 ? last.indicator.slice(0, at) + ind : ind;
}

/**
 * A statement repeated word for word (a page printed twice) is one record, and
 * so is a target restated to explain it (提出国内生产总值增长8%左右，主要是…):
 * the same figure for the same indicator and period is one commitment.
 */
function dedupe(records: QuantityRecord[]): QuantityRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const figure = `${r.kind}|${r.indicator}|${r.value}|${r.value_hi ?? ''}|${r.unit}|${r.scope ?? ''}`;
    const key = r.kind === 'target' ? `${figure}|${r.period ?? ''}|${r.cmp}|${r.measure}` : `${figure}|${r.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
