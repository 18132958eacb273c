import type { QuantityRecord } from '../quantity.ts';
import type { MappedText } from '../../text/offset-map.ts';
import { originalSpan } from '../../text/offset-map.ts';
import { sectionAt, type Outline, type Part } from '../../outline/outline.ts';
import type { Token } from './tokens.ts';
import { cmpBefore, measureOf, directionOf, isStretch } from './classify.ts';
import { PLAN_CUES, DONE_CUES, ALREADY, STRONG_PLAN_CUES } from '../data/tense.ts';
import { frameAt, type Frame } from '../../outline/frames.ts';
import { foldChineseYears } from '../../outline/years.ts';

/** One record: the token's figure, the indicator found for it, and what its part and words say. */
export function makeRecord(
  doc: string, norm: MappedText, outline: Outline, part: Part, tok: Token, indicator: string,
  quote: string, before: string, after: string, defaultKind: 'target' | 'actual',
): QuantityRecord {
  const frame = frameAt(outline.frames, tok.start);
  const kind = kindOf(part, frame, quote, defaultKind);
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
  // a frame that only repeats the part's year (今年以来 in a half-year review, 2020H1) says less than the part
  const framePeriod = frame && !part.period?.startsWith(frame.period) && (kind === 'actual') === (frame.kind === 'review') ? frame.period : undefined;
  if (framePeriod) rec.period = framePeriod;
  else if (part.period) rec.period = part.period;
  else if (part.kind === 'other') {
    const year = /(\d{4})年/.exec(foldChineseYears(quote));
    if (year) rec.period = year[1];
  }
  return rec;
}

/**
 * A part's kind, unless the passage's own time frame says otherwise (a plan
 * restating last year's results, a review announcing this year's plans). In a
 * document without parts the clause's own cues come first, then the frame.
 */
function kindOf(part: Part, frame: Frame | undefined, quote: string, fallback: 'target' | 'actual'): 'target' | 'actual' {
  const framed = frame && (frame.kind === 'review' ? 'actual' : 'target');
  if (part.kind === 'review') return framed ?? 'actual';
  if (part.kind === 'plan') return ALREADY.test(quote) ? 'actual' : framed ?? 'target';
  return kindFromClause(quote, framed ?? fallback, !!framed);
}

/** target or actual from the clause's own cues, where no part says. */
export function kindFromClause(clause: string, fallback: 'target' | 'actual', framed = false): 'target' | 'actual' {
  const plan = PLAN_CUES.test(clause);
  const done = DONE_CUES.test(clause);
  if (plan === done) return fallback;
  // a bare 要/将 inside a dated past passage (一九五五年…要比…) is weaker than the date
  if (framed && fallback === 'actual' && plan && !STRONG_PLAN_CUES.test(clause)) return fallback;
  return plan ? 'target' : 'actual';
}

export function withScope(rec: QuantityRecord, scope: string | undefined): QuantityRecord {
  if (scope) rec.scope = scope;
  return rec;
}
