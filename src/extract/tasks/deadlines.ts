import { DEADLINE_RULES } from './deadline-phrases.ts';

export interface FoundDeadline {
  phrase: string;
  /** Offsets into the text given. */
  start: number;
  end: number;
  due: string;
  period: string;
}

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The deadline phrases of a text, read against the plan year, in text order. */
export function findDeadlines(text: string, year: number): FoundDeadline[] {
  const found: FoundDeadline[] = [];
  const taken: [number, number][] = [];
  for (const rule of DEADLINE_RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const read = rule.read(m, year);
      if (!read) continue;
      taken.push([start, end]);
      found.push({ phrase: m[0], start, end, due: lastDay(read.due[0], read.due[1]), period: read.period });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
