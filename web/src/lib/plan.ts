import type { Plan } from '../api/types.ts';

/** The plan a screen opens on: the one named in the address, else the latest published, else the latest. */
export function defaultPlan(plans: Plan[], wanted?: string | null): Plan | undefined {
  if (wanted) {
    const named = plans.find((p) => String(p.id) === wanted);
    if (named) return named;
  }
  const byYear = [...plans].sort((a, b) => b.year - a.year || Number(b.id) - Number(a.id));
  return byYear.find((p) => p.status === 'published') ?? byYear[0];
}
