import type { ActualFigure, Reason, TargetFigure } from './figures.ts';
import type { Tolerances } from './standing.ts';
import { DEFAULT_TOLERANCES, describeTarget, standing } from './standing.ts';
import { resultFromWords } from './actual-words.ts';

export type Verdict = 'met' | 'missed' | 'partly_met' | 'no_data';

export interface Judgement {
  verdict: Verdict;
  /** A stretch figure (力争, 争取) is judged on its own; missing it does not touch the firm target. */
  stretch: boolean;
  /** Whether the verdict rests on a number or on words only (全面完成). */
  basis: 'number' | 'words' | 'none';
  reason: Reason;
}

/**
 * Judges one target against its actual: met, partly met, missed, or no data.
 * A numeric actual is read with the target's comparator (see `standing`);
 * an actual without a number is read from its words (超额完成, 基本完成, 未完成).
 */
export function judgeTarget(target: TargetFigure, actual: ActualFigure | undefined, tol: Tolerances = DEFAULT_TOLERANCES): Judgement {
  const stretch = target.stretch === true;
  const targetText = describeTarget(target);
  if (!Number.isFinite(target.value)) {
    return { verdict: 'no_data', stretch, basis: 'none', reason: { code: 'NO_TARGET_FIGURE', zh: '目标没有可比的数字', en: 'the target has no usable figure' } };
  }
  const said = (actual?.text ?? actual?.quote ?? '').trim();
  const words = resultFromWords(said);
  // 没有实现年初确定的…降低4%左右: the number restates the target, the words give the result
  if (words === 'missed') {
    return {
      verdict: 'missed', stretch, basis: 'words',
      reason: { code: 'MISSED_IN_WORDS', zh: `文字表明未完成：“${said}”`, en: `the words say it was not achieved: "${said}"` },
    };
  }
  if (actual && actual.value !== undefined && Number.isFinite(actual.value)) {
    const s = standing(target, { ...actual, value: actual.value }, tol);
    return { verdict: s.verdict, stretch, basis: s.verdict === 'no_data' ? 'none' : 'number', reason: s.reason };
  }
  if (words) {
    return {
      verdict: words, stretch, basis: 'words',
      reason: { code: 'RESULT_IN_WORDS', zh: `未给出数字，按文字“${said}”判断`, en: `no figure given; judged from the words "${said}"` },
    };
  }
  return {
    verdict: 'no_data', stretch, basis: 'none',
    reason: { code: 'NO_ACTUAL', zh: `目标${targetText}没有对应的实际数据`, en: `no actual found for the target ${targetText}` },
  };
}
