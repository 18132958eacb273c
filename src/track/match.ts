import type { ActualFigure, Measure, Reason, TargetFigure } from './figures.ts';
import { formatNumber } from './figures.ts';
import { indicatorSimilarity, normaliseIndicator } from './similarity.ts';
import { unitsCompatible, toBase } from './units.ts';

/** A target as reconciliation reads it: the figure plus what it is about, when and where. */
export interface TargetRecord extends TargetFigure {
  indicator: string;
  period?: string;
  scope?: string;
  /** The organisation whose promise it is (a city, a district). */
  org?: string;
  section?: readonly string[];
}

export interface ActualRecord extends ActualFigure {
  indicator: string;
  measure?: Measure;
  period?: string;
  scope?: string;
  org?: string;
}

export interface Match<A extends ActualRecord = ActualRecord> {
  actual: A;
  /** Index of the actual in the list it was matched from. */
  index: number;
  /** 0–1: indicator similarity discounted for what could not be checked. */
  confidence: number;
  similarity: number;
  reason: Reason;
}

export interface MatchOptions {
  /** Indicators less alike than this (Dice over bigrams) are not paired. */
  minSimilarity: number;
  /** How many candidates to keep per target, best first. */
  candidates: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { minSimilarity: 0.5, candidates: 3 };

/** Districts are named with or without their suffix: 海曙 = 海曙区. */
const place = (s: string) => s.replace(/\s+/g, '').replace(/(新区|区|县|市|旗)$/, '');

const headOf = (indicator: string) => normaliseIndicator(indicator).slice(-2);

/** `2013-2017` spans `2017`; a period spans itself. */
function periodContains(outer: string, inner: string): boolean {
  const range = /^(\d{4})[-–至](\d{4})$/.exec(outer);
  const year = /^(\d{4})/.exec(inner);
  return !!range && !!year && +range[1] <= +year[1] && +year[1] <= +range[2] && /^\d{4}$/.test(inner);
}

/**
 * The candidate actuals for one target, best first, each with a confidence
 * and the reason, for a person to confirm. Hard conditions: alike
 * indicators, comparable units, the same period and organisation where both
 * name one, and no growth rate paired with a level.
 */
export function matchCandidates<A extends ActualRecord>(target: TargetRecord, actuals: readonly A[], options: MatchOptions = DEFAULT_MATCH_OPTIONS): Match<A>[] {
  const out: Match<A>[] = [];
  actuals.forEach((actual, index) => {
    const similarity = indicatorSimilarity(target.indicator, actual.indicator);
    if (similarity < options.minSimilarity) return;
    let confidence = similarity;
    const zh: string[] = [`指标相似度${formatNumber(similarity)}`];
    const en: string[] = [`indicator similarity ${formatNumber(similarity)}`];

    const heads = [headOf(target.indicator), headOf(actual.indicator)];
    if (heads[0] !== heads[1]) {
      // the last characters name what is measured: 国内生产总值 is not 单位国内生产总值能耗
      confidence *= 0.6;
      zh.push(`指标中心词不同（${heads[0]}/${heads[1]}）`); en.push(`different head words (${heads[0]}/${heads[1]})`);
    }
    if (actual.measure && actual.measure !== target.measure) {
      if (actual.measure === 'growth' || target.measure === 'growth') return;
      confidence *= 0.7;
      zh.push('总量与增量口径不同'); en.push('a level against an amount added');
    }
    if (actual.value !== undefined) {
      if (!unitsCompatible(target.unit, actual.unit)) return;
      const a = toBase(1, actual.unit).base, t = toBase(1, target.unit).base;
      if (a === t) { zh.push(`单位可比（${t || '无'}）`); en.push(`units agree (${t || 'none'})`); }
      else { confidence *= 0.8; zh.push('一方未写单位'); en.push('one side gives no unit'); }
    }
    if (target.period && actual.period) {
      if (target.period === actual.period) {
        zh.push(`同为${target.period}年度`); en.push(`same period ${target.period}`);
      } else if (periodContains(actual.period, target.period)) {
        // a multi-year review (过去五年) may carry the year's own figure; a person tells which
        confidence *= 0.7;
        zh.push(`实际期间${actual.period}包含目标期间${target.period}`); en.push(`the actual's period ${actual.period} spans the target's ${target.period}`);
      } else return;
    } else {
      confidence *= 0.85;
      zh.push('期间未注明'); en.push('period not stated');
    }
    if (target.org && actual.org && place(target.org) !== place(actual.org)) return;
    if (target.scope && actual.scope) {
      if (place(target.scope) !== place(actual.scope)) return;
    } else if (target.scope || actual.scope) {
      confidence *= 0.5;
      zh.push('范围不一致（一方为局部）'); en.push('one side covers only part of the area');
    }
    out.push({
      actual, index, confidence, similarity,
      reason: { code: 'MATCH', zh: zh.join('；'), en: en.join('; ') },
    });
  });
  return out.sort((x, y) => y.confidence - x.confidence || x.index - y.index).slice(0, options.candidates);
}
