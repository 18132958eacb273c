import type { QuantityRecord } from '../quantity.ts';
import type { MappedText } from '../../text/offset-map.ts';
import { originalSpan } from '../../text/offset-map.ts';
import { sectionAt, type Outline, type Part } from '../../outline/outline.ts';
import type { Token } from './tokens.ts';
import { cmpBefore, measureOf, directionOf, isStretch } from './classify.ts';
import { PLAN_CUES, DONE_CUES, ALREADY } from '../data/tense.ts';

/** One record: the token's figure, the indicator found for it, and what its part and words say. */
export function makeRecord(
  doc: string, norm: MappedText, outline: Outline, part: Part, tok: Token, indicator: string,
  quote: string, before: string, after: string, defaultKind: 'target' | 'actual',
): QuantityRecord {
  const kind = part.kind === 'review' ? 'actual' : part.kind === 'plan' ? (ALREADY.test(quote) ? 'actual' : 'target') : kindFromClause(quote, defaultKind);
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
  else if (part.kind === 'other') {
    const year = /(\d{4})年/.exec(quote);
    if (year) rec.period = year[1];
  }
  return rec;
}

/** target or actual from the clause's own cues, where no part says. */
export function kindFromClause(clause: string, fallback: 'target' | 'actual'): 'target' | 'actual' {
  const plan = PLAN_CUES.test(clause);
  const done = DONE_CUES.test(clause);
  return plan === done ? fallback : plan ? 'target' : 'actual';
}

export function withScope(rec: QuantityRecord, scope: string | undefined): QuantityRecord {
  if (scope) rec.scope = scope;
  return rec;
}
