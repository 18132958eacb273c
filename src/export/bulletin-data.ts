import type { LivelihoodProject, PlanDoc, StatusColour, TaskRow, UnitReporting } from './model.ts';
import { colourRank, statusLevel } from './colours.ts';

/** What the bulletin says, computed from its input before any layout. */

export interface StatusCount {
  label: string;
  colour: StatusColour;
  count: number;
}

export function allTasks(plan: PlanDoc): TaskRow[] {
  return plan.sections.flatMap((s) => s.tasks);
}

/** Tasks per status label, ordered green, blue, yellow, red, then other colours, then by label. */
export function countByStatus(plan: PlanDoc): StatusCount[] {
  const counts = new Map<string, StatusCount>();
  for (const task of allTasks(plan)) {
    const status = task.status ?? { label: '未报送', colour: 'grey' as const };
    const entry = counts.get(status.label) ?? { label: status.label, colour: status.colour, count: 0 };
    entry.count += 1;
    counts.set(status.label, entry);
  }
  return [...counts.values()].sort((a, b) =>
    colourRank(a.colour) - colourRank(b.colour) || a.label.localeCompare(b.label, 'zh'));
}

const loudness = { alert: 0, warning: 1, ok: 2 };

/** Tasks whose status is a warning or an alert (yellow or red): alerts first, then by number. */
export function laggingTasks(plan: PlanDoc): TaskRow[] {
  return allTasks(plan)
    .filter((t) => t.status && statusLevel(t.status) !== 'ok')
    .sort((a, b) => loudness[statusLevel(a.status!)] - loudness[statusLevel(b.status!)] || compareNo(a.no, b.no));
}

function compareNo(a: number | string, b: number | string): number {
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

export interface RankedUnit extends UnitReporting {
  rank: number;
  /** Reports on time / reports due, 0–100; 100 when nothing was due. */
  onTimeRate: number;
}

/** Units ranked by on-time reporting, then by progress; equal records share a rank. */
export function rankUnits(units: UnitReporting[]): RankedUnit[] {
  const rated = units.map((u) => ({
    ...u,
    rank: 0,
    onTimeRate: u.reportsDue === 0 ? 100 : Math.round((u.reportsOnTime / u.reportsDue) * 1000) / 10,
  }));
  rated.sort((a, b) => b.onTimeRate - a.onTimeRate || b.averageProgress - a.averageProgress || a.unit.localeCompare(b.unit, 'zh'));
  rated.forEach((u, i) => {
    const previous = rated[i - 1];
    u.rank = previous && previous.onTimeRate === u.onTimeRate && previous.averageProgress === u.averageProgress ? previous.rank : i + 1;
  });
  return rated;
}

export interface DistrictProgressRow {
  project: string;
  label: string;
  unit: string;
  /** Completion per district, 0–100, or undefined where the district has no quota or no report. */
  byDistrict: Map<string, number | undefined>;
  quotaTotal: number;
  doneTotal: number;
}

/** Livelihood quota rows with completion by district; districts in first-seen order. */
export function livelihoodByDistrict(projects: LivelihoodProject[]): { districts: string[]; rows: DistrictProgressRow[] } {
  const districts: string[] = [];
  const rows: DistrictProgressRow[] = [];
  for (const project of projects) {
    for (const quota of project.quotas) {
      const byDistrict = new Map<string, number | undefined>();
      let quotaTotal = 0;
      let doneTotal = 0;
      for (const cell of quota.cells) {
        if (!cell.district || typeof cell.value !== 'number') continue;
        if (!districts.includes(cell.district)) districts.push(cell.district);
        const done = quota.done?.find((d) => d.district === cell.district)?.value;
        quotaTotal += cell.value;
        doneTotal += done ?? 0;
        byDistrict.set(cell.district, done === undefined || cell.value === 0 ? undefined : Math.round((done / cell.value) * 100));
      }
      rows.push({ project: project.title, label: quota.label, unit: quota.unit, byDistrict, quotaTotal, doneTotal });
    }
  }
  return { districts, rows };
}
