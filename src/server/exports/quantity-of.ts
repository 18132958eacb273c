import type { QuantityRecord } from '../../extract/quantity.ts';

const MEASURES = ['growth', 'level', 'delta'] as const;
const DIRECTIONS = ['up', 'down'] as const;
const COMPARATORS = ['eq', 'approx', 'ge', 'gt', 'le', 'lt', 'range'] as const;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * A target as stored on a task (the extraction's record without its place,
 * or typed by hand) as the writers' QuantityRecord. Fields the store does not
 * hold come from the task: its text is the quote, its section the path.
 * A stored target without a number is not a quantity and gives undefined.
 */
export function quantityOf(raw: unknown, context: { doc: string; kind?: 'target' | 'actual'; quote: string; section: string[]; span?: { start: number; end: number } }): QuantityRecord | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.value !== 'number' || !Number.isFinite(r.value)) return undefined;
  const q: QuantityRecord = {
    doc: context.doc,
    kind: context.kind ?? 'target',
    indicator: text(r.indicator),
    measure: oneOf(r.measure, MEASURES, 'level'),
    direction: oneOf(r.direction, DIRECTIONS, 'up'),
    value: r.value,
    unit: text(r.unit),
    cmp: oneOf(r.cmp, COMPARATORS, 'eq'),
    quote: text(r.quote) || context.quote,
    span: context.span ?? { start: 0, end: 0 },
    section: context.section,
  };
  if (typeof r.value_hi === 'number') q.value_hi = r.value_hi;
  if (typeof r.stretch === 'boolean') q.stretch = r.stretch;
  if (typeof r.period === 'string' && r.period) q.period = r.period;
  if (typeof r.scope === 'string' && r.scope) q.scope = r.scope;
  return q;
}
