import type { BreakdownNotice } from '../extract/breakdown/types.ts';
import { resolveUnit } from './directory.ts';
import { buildModel, suggest } from './suggest.ts';

export interface HoldOutResult {
  items: number;
  top1: number;
  top3: number;
  /** Per held-out section: its title and how many of its items had the lead unit first / in the top three. */
  sections: { title: string; items: number; top1: number; top3: number }[];
}

/**
 * Leave-one-section-out accuracy of lead-unit suggestions on one notice:
 * each section is held out in turn (a whole policy area the model has not
 * seen), the model learns from the rest of the notice, and each held-out
 * item's first listed unit is looked for among the suggestions.
 */
export function leaveOneSectionOut(notice: BreakdownNotice): HoldOutResult {
  const result: HoldOutResult = { items: 0, top1: 0, top3: 0, sections: [] };
  notice.sections.forEach((held, s) => {
    const rest = { ...notice, sections: notice.sections.filter((_, i) => i !== s) };
    const model = buildModel([rest]);
    const row = { title: held.title, items: 0, top1: 0, top3: 0 };
    for (const item of held.items) {
      if (!item.leadUnit) continue;
      const names = suggest(model, item.text, 3).units.map((u) => u.name);
      const truth = resolveUnit(model.directory, item.leadUnit);
      const same = (name: string) => name === item.leadUnit || (truth !== undefined && resolveUnit(model.directory, name) === truth);
      row.items++;
      if (names.length > 0 && same(names[0])) row.top1++;
      if (names.some(same)) row.top3++;
    }
    result.sections.push(row);
    result.items += row.items;
    result.top1 += row.top1;
    result.top3 += row.top3;
  });
  return { ...result, top1: result.top1 / result.items, top3: result.top3 / result.items };
}
