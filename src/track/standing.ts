import type { ActualFigure, Reason, TargetFigure } from './figures.ts';
import { formatFigure, formatNumber } from './figures.ts';
import { isCeilingIndicator } from './ceiling-indicators.ts';
import { isRateUnit, toBase, unitsCompatible } from './units.ts';
import { qualifierOf } from './qualifier.ts';

export interface Tolerances {
  /** "About" for rates and shares: within this many points (default ±0.2). */
  ratePoints: number;
  /** "About" for amounts: within this share of the target (default ±2%). */
  amountShare: number;
  /** An amount target missed but reached to at least this share counts as partly met (default 80%). */
  partlyMetShare: number;
  /** Beating an "about" target where more is better: 'met' (over-achieved, the default) or 'missed' (read literally). */
  approxOvershoot: 'met' | 'missed';
}

export const DEFAULT_TOLERANCES: Tolerances = {
  ratePoints: 0.2,
  amountShare: 0.02,
  partlyMetShare: 0.8,
  approxOvershoot: 'met',
};

export interface Standing {
  verdict: 'met' | 'partly_met' | 'missed' | 'no_data';
  /** The actual in the target's base unit and direction (a reduction for a 下降 target); absent for no_data. */
  actual?: number;
  /** The target in its base unit. */
  target: number;
  /** True when the target is read as "at most" (以内, or 左右 for indicators where less is better). */
  ceiling: boolean;
  reason: Reason;
}

/**
 * Where a numeric actual stands against a target, by the target's comparator:
 * 左右 within a tolerance, 以上/超过 at least/more than, 以内/低于 at most/less
 * than, a range at its low end; the actual's own qualifier (接近, 超过) nudges
 * it just below or above its number.
 */
export function standing(target: TargetFigure, actual: ActualFigure & { value: number }, tol: Tolerances = DEFAULT_TOLERANCES): Standing {
  const t = toBase(target.value, target.unit).n;
  const hi = target.value_hi === undefined ? undefined : toBase(target.value_hi, target.unit).n;
  // 下降3%左右 of a less-is-better indicator is a reduction to reach, not a ceiling; its level (赤字率2%左右) is one.
  const ceiling = target.cmp === 'le' || target.cmp === 'lt'
    || (isCeilingIndicator(target.indicator) && (target.measure === 'level' || target.direction === 'up'));
  const targetText = describeTarget(target);
  if (!unitsCompatible(target.unit, actual.unit)) {
    return {
      verdict: 'no_data', target: t, ceiling,
      reason: {
        code: 'UNIT_MISMATCH',
        zh: `实际值单位“${actual.unit}”与目标单位“${target.unit}”不可比`,
        en: `the actual's unit "${actual.unit}" cannot be compared with the target's "${target.unit}"`,
      },
    };
  }
  let a = toBase(actual.value, actual.unit || target.unit).n;
  // Changes are compared in the target's direction: a rise reported against a 下降 target is a negative reduction.
  if (target.measure !== 'level' && actual.direction && actual.direction !== target.direction) a = -a;
  const qualifier = qualifierOf(actual);
  const nudge = 1e-6 * Math.max(1, Math.abs(a));
  if (qualifier === 'below') a -= nudge;
  if (qualifier === 'above') a += nudge;

  const rate = isRateUnit(target.unit);
  const band = rate ? tol.ratePoints : tol.amountShare * Math.abs(t);
  const eps = 1e-9 * Math.max(1, Math.abs(t));
  const actualText = describeActual(actual, target.measure, qualifier);
  const say = (verdict: Standing['verdict'], code: string, zh: string, en: string): Standing =>
    ({ verdict, actual: a, target: t, ceiling, reason: { code, zh, en } });

  const under = (limit: number, strict: boolean) => (strict ? a < limit - eps : a <= limit + eps);
  const over = (limit: number, strict: boolean) => (strict ? a > limit + eps : a >= limit - eps);
  const bandText = rate ? `±${formatNumber(band)}个百分点` : `±${formatNumber(tol.amountShare * 100)}%`;
  const bandTextEn = rate ? `±${formatNumber(band)} points` : `±${formatNumber(tol.amountShare * 100)}%`;

  let kept: boolean;
  let how: { code: string; zh: string; en: string };
  if (ceiling) {
    const limit = target.cmp === 'approx' ? t + band : target.cmp === 'range' && hi !== undefined ? hi : t;
    kept = under(limit, target.cmp === 'lt');
    how = kept
      ? { code: 'WITHIN_CEILING', zh: `实际${actualText}，未超过目标${targetText}`, en: `actual ${actualText} stays within the ceiling ${targetText}` }
      : { code: 'ABOVE_CEILING', zh: `实际${actualText}，超出目标${targetText}`, en: `actual ${actualText} exceeds the ceiling ${targetText}` };
  } else if (target.cmp === 'approx') {
    if (Math.abs(a - t) <= band + eps) {
      return say('met', 'WITHIN_TOLERANCE', `实际${actualText}，在目标${targetText}的${bandText}以内`, `actual ${actualText} is within ${bandTextEn} of the target ${targetText}`);
    }
    if (a > t) {
      return say(tol.approxOvershoot, 'ABOVE_ABOUT', `实际${actualText}，高于目标${targetText}`, `actual ${actualText} is above the target ${targetText}`);
    }
    kept = false;
    how = { code: 'BELOW_ABOUT', zh: `实际${actualText}，低于目标${targetText}超过${bandText}`, en: `actual ${actualText} is more than ${bandTextEn} below the target ${targetText}` };
  } else if (target.cmp === 'range') {
    kept = over(t, false);
    how = kept
      ? { code: 'RANGE_LOW_END', zh: `实际${actualText}，达到目标区间${targetText}的下限`, en: `actual ${actualText} reaches the low end of the range ${targetText}` }
      : { code: 'BELOW_RANGE', zh: `实际${actualText}，低于目标区间${targetText}的下限`, en: `actual ${actualText} is below the range ${targetText}` };
  } else {
    kept = over(t, target.cmp === 'gt');
    how = kept
      ? { code: 'AT_LEAST', zh: `实际${actualText}，达到目标${targetText}`, en: `actual ${actualText} reaches the target ${targetText}` }
      : { code: 'SHORT', zh: `实际${actualText}，未达到目标${targetText}`, en: `actual ${actualText} falls short of the target ${targetText}` };
  }
  if (kept) return say('met', how.code, how.zh, how.en);
  const partly = !rate && !ceiling && t > 0 && a >= tol.partlyMetShare * t;
  if (partly) {
    const share = formatNumber((a / t) * 100);
    return say('partly_met', 'PARTLY', `${how.zh}（完成${share}%）`, `${how.en} (${share}% reached)`);
  }
  return say('missed', how.code, how.zh, how.en);
}

const CMP_WORDS: Record<TargetFigure['cmp'], [string, string]> = {
  eq: ['', ''], approx: ['', '左右'], ge: ['', '以上'], gt: ['超过', ''], le: ['', '以内'], lt: ['低于', ''], range: ['', ''],
};

export function describeTarget(target: TargetFigure): string {
  const change = target.measure === 'growth' ? (target.direction === 'down' ? '下降' : '增长')
    : target.measure === 'delta' && target.direction === 'down' ? '减少' : '';
  if (target.cmp === 'range' && target.value_hi !== undefined) {
    return `${change}${formatNumber(target.value)}–${formatFigure(target.value_hi, target.unit)}`;
  }
  const [pre, post] = CMP_WORDS[target.cmp];
  return `${change}${pre}${formatFigure(target.value, target.unit)}${post}`;
}

const QUALIFIER_WORDS = { below: ['接近', ''], above: ['超过', ''], about: ['', '左右'], at_least: ['', '以上'], at_most: ['', '以内'] } as const;

function describeActual(actual: ActualFigure & { value: number }, measure: TargetFigure['measure'], qualifier: ReturnType<typeof qualifierOf>): string {
  const [pre, post] = qualifier ? QUALIFIER_WORDS[qualifier] : ['', ''];
  const sign = actual.direction !== 'down' ? '' : measure === 'growth' ? '下降' : measure === 'delta' ? '减少' : '';
  return `${sign}${pre}${formatFigure(actual.value, actual.unit)}${post}`;
}
