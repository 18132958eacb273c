import type { QuantityRecord } from '../quantity.ts';

export interface Span {
  start: number;
  end: number;
}

/** A deadline phrase read as the last day it allows and the period it names. */
export interface Deadline {
  phrase: string;
  /** Offsets into the original text. */
  span: Span;
  /** ISO date of the last day: 年底前 → 2020-12-31, 上半年 → 2020-06-30. */
  due: string;
  /** `2020`, `2020H1`, `2020Q3`, `2020-06`, `2020-2022`. */
  period: string;
}

export type TaskKind = 'target' | 'key-work' | 'livelihood' | 'reform' | 'project';

/** One commitment a unit can be held to, drafted from a report's plan. */
export interface ReportTask {
  no: number;
  text: string;
  /** Offsets into the original text. */
  span: Span;
  /** Heading path, outermost first, ending with the paragraph's topic phrase when it has one. */
  section: string[];
  kind: TaskKind;
  /** Phrases that state a target without a figure (与经济增长基本同步, 稳步提升). */
  qualitative: string[];
  deadlines: Deadline[];
  quantities: QuantityRecord[];
}
