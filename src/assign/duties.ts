import { DEPARTMENT_KINDS, type DepartmentKind } from './data/department-duties.ts';

export interface DutyMatch {
  kind: DepartmentKind;
  score: number;
  /** The duty words found in the task, strongest first. */
  words: string[];
}

/** How many kinds list each duty word: a word many departments share says little about any one. */
const SHARED = new Map<string, number>();
for (const kind of DEPARTMENT_KINDS) for (const w of new Set(kind.duties)) SHARED.set(w, (SHARED.get(w) ?? 0) + 1);

function wordWeight(word: string): number {
  const length = Math.min([...word].length, 4) / 2;
  return length / Math.sqrt(SHARED.get(word) ?? 1);
}

/**
 * The department kinds a task's words point to. A word counts more when it
 * is long, when few kinds share it, and when it stands in the task's first
 * clause, where the main commitment is usually stated.
 */
export function dutyMatches(text: string): DutyMatch[] {
  const firstClause = text.split(/[,，;；。:：]/)[0]?.length ?? text.length;
  const matches: DutyMatch[] = [];
  for (const kind of DEPARTMENT_KINDS) {
    let score = 0;
    const found: [string, number][] = [];
    for (const word of kind.duties) {
      const at = text.indexOf(word);
      if (at < 0) continue;
      const w = wordWeight(word) * (at < firstClause ? 1.5 : 1);
      score += w;
      found.push([word, w]);
    }
    if (score > 0) matches.push({ kind, score, words: found.sort((a, b) => b[1] - a[1]).map(([w]) => w) });
  }
  return matches.sort((a, b) => b.score - a.score);
}
