import type { BreakdownNotice } from '../../extract/breakdown/types.ts';
import { NOT_A_DISTRICT, type DraftTask } from './draft.ts';

/**
 * A breakdown notice as tasks: its sections, their numbered items with the
 * notified leaders, units and deadlines, and the livelihood projects with
 * one sub-task per district quota.
 */
export function tasksFromNotice(notice: BreakdownNotice): DraftTask[] {
  const out: DraftTask[] = [];
  notice.sections.forEach((s, si) => {
    const key = `s${si}`;
    out.push({ key, kind: 'section', no: '', text: s.title, span: s.span, targets: [], leaders: s.leaders, units: [] });
    for (const item of s.items) {
      out.push({
        key: `${key}.${item.no}`, parentKey: key, kind: 'task', no: String(item.no), text: item.text, span: item.span, targets: [],
        deadline: item.deadline && /^\d{4}-\d{2}-\d{2}$/.test(item.deadline) ? item.deadline : undefined,
        leaders: item.leaders.length ? item.leaders : s.leaders,
        units: item.leadUnit ? [item.leadUnit, ...item.coUnits] : item.units,
      });
    }
  });
  if (notice.projects.length) {
    const section = 'livelihood';
    out.push({ key: section, kind: 'section', no: '', text: '民生实事项目', targets: [], leaders: [], units: [] });
    for (const p of notice.projects) {
      const key = `p${p.no}`;
      out.push({
        key, parentKey: section, kind: 'project', no: String(p.no), text: p.goal ? `${p.title}:${p.goal}` : p.title, span: p.span,
        targets: [], livelihood: true, leaders: p.leaders, units: [...p.units, ...p.partners], people: p.people,
      });
      for (const [ri, row] of (p.quota?.rows ?? []).entries()) {
        for (const cell of row.cells) {
          if (!cell.scope || cell.value === null || NOT_A_DISTRICT.test(cell.scope)) continue;
          out.push({
            key: `${key}.q${ri}.${cell.scope}`, parentKey: key, kind: 'subtask', no: '',
            text: `${cell.scope}:${row.label} ${cell.raw}${row.unit && !cell.raw.endsWith(row.unit) ? row.unit : ''}`,
            targets: [{ indicator: row.label, measure: 'delta', direction: 'up', value: cell.value, unit: row.unit ?? '', cmp: 'ge', scope: cell.scope }],
            livelihood: true, district: cell.scope, leaders: [], units: [],
          });
        }
      }
    }
  }
  return out;
}
