import { suggest, type SuggestionModel } from '../../assign/suggest.ts';
import type { QuantityRecord } from '../../extract/quantity.ts';
import type { Analysis } from '../../pipeline.ts';
import type { DraftTask, TaskSuggestion } from './draft.ts';

/** How many candidates of each kind the office is offered. */
const CANDIDATES = 3;

function suggestionFor(model: SuggestionModel, text: string): TaskSuggestion | undefined {
  const s = suggest(model, text, CANDIDATES);
  if (s.units.length === 0 && s.leaders.length === 0) return undefined;
  return { leadUnits: s.units, coUnits: s.coUnits.slice(0, CANDIDATES), leaders: s.leaders.slice(0, CANDIDATES) };
}

/**
 * A work report decomposed: one task per stated target, under the heading it
 * stands in (the plan part's sections). Units and leaders are left for the
 * office to assign; with a suggestion model (learnt from the workspace's notices
 * and the built-in department duties) each task carries suggested ones.
 */
export function tasksFromReport(analysis: Pick<Analysis, 'quantities'>, model?: SuggestionModel): DraftTask[] {
  const out: DraftTask[] = [];
  const sections = new Map<string, string>();
  const targets = analysis.quantities.filter((q) => q.kind === 'target');
  // Firm and stretch figures of one phrase (增长7%以上、力争8%) make one task.
  const byQuote = new Map<string, QuantityRecord[]>();
  for (const q of targets) {
    const k = `${q.span.start}:${q.quote}`;
    byQuote.set(k, [...(byQuote.get(k) ?? []), q]);
  }
  let n = 0;
  for (const group of byQuote.values()) {
    const q = group[0];
    const title = q.section.length ? q.section[Math.min(1, q.section.length - 1)] : '主要目标任务';
    let sectionKey = sections.get(title);
    if (!sectionKey) {
      sectionKey = `s${sections.size}`;
      sections.set(title, sectionKey);
      out.push({ key: sectionKey, kind: 'section', no: '', text: title, targets: [], leaders: [], units: [] });
    }
    n++;
    out.push({
      key: `t${n}`, parentKey: sectionKey, kind: 'target', no: String(n), text: q.quote, span: q.span,
      targets: group.map(({ indicator, measure, direction, value, value_hi, unit, cmp, stretch, period, scope }) =>
        ({ indicator, measure, direction, value, value_hi, unit, cmp, stretch, period, scope })),
      leaders: [], units: [],
      ...(model ? { suggestion: suggestionFor(model, q.quote) } : {}),
    });
  }
  return out;
}
