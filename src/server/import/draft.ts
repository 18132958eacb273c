import type { Suggestion } from '../../assign/suggest.ts';

/** A task about to be stored, as the importers plan it: plain data, no ids yet. */
export interface DraftTask {
  key: string;
  parentKey?: string;
  kind: 'section' | 'target' | 'task' | 'project' | 'subtask';
  no: string;
  text: string;
  span?: { start: number; end: number };
  targets: unknown[];
  livelihood?: boolean;
  deadline?: string;
  /** A district quota row: the district's name as written (海曙, 鄞州区). */
  district?: string;
  /** Suggested or notified responsibility: names as written, the first unit leads. */
  leaders: string[];
  units: string[];
  people?: string[];
  /**
   * Who the suggestion model proposes (lead units best first, co-units, leaders), for the
   * office to accept or replace: never an assignment until a person makes it one.
   */
  suggestion?: TaskSuggestion;
}

export interface TaskSuggestion {
  leadUnits: Suggestion[];
  coUnits: Suggestion[];
  leaders: Suggestion[];
}

/** Totals and city-level columns of a quota table are not districts. */
export const NOT_A_DISTRICT = /合计|总计|小计|全市|市本级|市级|市直|其他|备注/;
