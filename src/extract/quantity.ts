/** One quantitative target or actual: the record of ../shared/spec/quantities.md plus where it stands. */
export interface QuantityRecord {
  doc: string;
  kind: 'target' | 'actual';
  indicator: string;
  measure: 'growth' | 'level' | 'delta';
  direction: 'up' | 'down';
  value: number;
  value_hi?: number;
  unit: string;
  cmp: 'eq' | 'approx' | 'ge' | 'gt' | 'le' | 'lt' | 'range';
  stretch?: boolean;
  period?: string;
  scope?: string;
  quote: string;
  /** Offsets into the original (decoded, not normalised) text. */
  span: { start: number; end: number };
  /** Heading path, outermost first. */
  section: string[];
}
