import type { BreakdownItem } from '../extract/breakdown/types.ts';
import type { ReportTask } from '../extract/tasks/types.ts';
import { buildIndex, nearest } from './similarity.ts';

export interface Alignment {
  item: number;
  /** The report task the item came from, or undefined when none resembles it enough. */
  task?: number;
  similarity: number;
  /** Offsets of the report sentence in the report's original text. */
  span?: { start: number; end: number };
}

/** Below this cosine an item is said to come from no sentence of the report rather than from the least unlike one. */
const MIN_SIMILARITY = 0.3;

/**
 * For each item of a notice, the report sentence it came from: the task of
 * the same year's report that it most resembles (TF-IDF over character
 * bigrams), when it resembles one enough.
 */
export function alignNotice(items: BreakdownItem[], tasks: ReportTask[]): Alignment[] {
  const index = buildIndex(tasks.map((t) => t.text));
  return items.map((item) => {
    const [best] = nearest(index, item.text, 1);
    if (!best || best.similarity < MIN_SIMILARITY) return { item: item.no, similarity: best ? round(best.similarity) : 0 };
    const task = tasks[best.at];
    return { item: item.no, task: task.no, similarity: round(best.similarity), span: task.span };
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
