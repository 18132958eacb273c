import type { QuantityRecord } from '../extract/quantity.ts';

/** How each comparator is written around a number, as reports write it. */
const comparatorWords: Record<QuantityRecord['cmp'], { before: string; after: string }> = {
  eq: { before: '', after: '' },
  approx: { before: '', after: '左右' },
  ge: { before: '', after: '以上' },
  gt: { before: '超过', after: '' },
  le: { before: '', after: '以内' },
  lt: { before: '低于', after: '' },
  range: { before: '', after: '' },
};

/** The verb that states a measure going in a direction; level has none. */
const measureVerbs: Record<QuantityRecord['measure'], Record<QuantityRecord['direction'], string>> = {
  growth: { up: '增长', down: '下降' },
  level: { up: '', down: '' },
  delta: { up: '', down: '减少' },
};

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

/** The number with its unit and comparator: `6.8%左右`, `超过2.8%`, `6%-6.5%`. */
export function formatAmount(q: Pick<QuantityRecord, 'value' | 'value_hi' | 'unit' | 'cmp'>): string {
  const words = comparatorWords[q.cmp];
  const number = q.cmp === 'range' && q.value_hi !== undefined
    ? `${formatNumber(q.value)}${q.unit}-${formatNumber(q.value_hi)}${q.unit}`
    : `${formatNumber(q.value)}${q.unit}`;
  return `${words.before}${number}${words.after}`;
}

/** The measure and amount without the indicator: `增长6.8%左右`, `3.5%以内`. */
export function formatMeasure(q: QuantityRecord): string {
  const prefix = q.stretch ? '力争' : '';
  return `${prefix}${measureVerbs[q.measure][q.direction]}${formatAmount(q)}`;
}

/** A whole statement: `地区生产总值增长6.8%左右`, `城镇登记失业率3.5%以内`. */
export function formatQuantity(q: QuantityRecord): string {
  const scope = q.scope ? `(${q.scope})` : '';
  return `${q.indicator}${scope}${formatMeasure(q)}`;
}
