import type { QuantityRecord } from '../extract/quantity.ts';

export type Comparator = QuantityRecord['cmp'];
export type Measure = QuantityRecord['measure'];
export type Direction = QuantityRecord['direction'];

/** A target figure: the fields of an extracted target record that decide what counts as keeping it. */
export interface TargetFigure {
  indicator?: string;
  measure: Measure;
  direction: Direction;
  value: number;
  value_hi?: number;
  unit: string;
  cmp: Comparator;
  stretch?: boolean;
}

/**
 * An actual: an extracted review record, a figure entered by hand, or only
 * words (全面完成). `quote`/`text` are read for qualifiers such as 接近.
 */
export interface ActualFigure {
  value?: number;
  unit?: string;
  direction?: Direction;
  cmp?: Comparator;
  quote?: string;
  text?: string;
}

/** Bilingual explanation, in the manner of the extraction messages. */
export interface Reason {
  code: string;
  zh: string;
  en: string;
}

/** A number as a clerk writes it: no trailing zeros, at most two decimals. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function formatFigure(value: number, unit: string | undefined): string {
  return `${formatNumber(value)}${unit ?? ''}`;
}
