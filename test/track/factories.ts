import type { QuantityRecord } from '../../src/extract/quantity.ts';

/** A quantity record as the extractor would give it; override what the example is about. */
export function record(overrides: Partial<QuantityRecord> & Pick<QuantityRecord, 'indicator' | 'value'>): QuantityRecord {
  return {
    doc: 'test', kind: 'target', measure: 'growth', direction: 'up', unit: '%', cmp: 'eq',
    quote: '', span: { start: 0, end: 0 }, section: [],
    ...overrides,
  };
}

export const target = (o: Partial<QuantityRecord> & Pick<QuantityRecord, 'indicator' | 'value'>) => record({ kind: 'target', ...o });
export const actual = (o: Partial<QuantityRecord> & Pick<QuantityRecord, 'indicator' | 'value'>) => record({ kind: 'actual', ...o });
