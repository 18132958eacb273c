import type { QuantityRecord } from '../extract/quantity.ts';
import type { BreakdownNotice, BreakdownItem, LivelihoodProject as ParsedProject } from '../extract/breakdown/index.ts';
import type { LivelihoodProject, PlanDoc, TaskRow } from './model.ts';

export interface PlanDefaults {
  title: string;
  year: number;
  issuer: string;
  /** ISO date of issue when the notice gives none. */
  date: string;
  addressees?: string;
  /** Quantities to attach to each item, e.g. those the extractor found in its text. */
  targetsOf?: (item: BreakdownItem) => QuantityRecord[];
  /** Marks assignments as machine-proposed (the draft breakdown of issue 3). */
  suggested?: boolean;
}

function task(item: BreakdownItem, defaults: PlanDefaults): TaskRow {
  const leadUnit = item.leadUnit ?? item.units[0];
  return {
    // A parsed notice has no store ids yet: items are keyed by their number, version 0.
    id: `item-${item.no}`,
    version: 0,
    no: item.no,
    text: item.text,
    leaders: item.leaders,
    leadUnit,
    coUnits: item.coUnits.length ? item.coUnits : item.units.filter((u) => u !== leadUnit),
    deadline: item.deadline,
    targets: defaults.targetsOf?.(item) ?? [],
    suggested: defaults.suggested,
  };
}

function project(p: ParsedProject): LivelihoodProject {
  return {
    no: p.no,
    title: p.title,
    goal: p.goal,
    leaders: p.leaders,
    units: p.units,
    persons: p.people,
    partners: p.partners,
    quotas: (p.quota?.rows ?? []).map((row) => ({
      label: row.label,
      unit: row.unit ?? '',
      // Cells past the last header keep their place with no district, and `/` stays as written.
      cells: row.cells.map((c) => ({ district: c.scope ?? '', value: c.value ?? c.raw })),
    })),
  };
}

/** A parsed breakdown notice (src/extract/breakdown) as the writers' plan, for the notice, ledger and table. */
export function planFromBreakdown(notice: BreakdownNotice, defaults: PlanDefaults): PlanDoc {
  return {
    title: notice.title ?? defaults.title,
    year: defaults.year,
    issuer: notice.issuer ?? defaults.issuer,
    date: notice.date ?? defaults.date,
    addressees: defaults.addressees,
    sections: notice.sections.map((s) => ({ title: s.title, tasks: s.items.map((item) => task(item, defaults)) })),
    livelihood: notice.projects.map(project),
  };
}
