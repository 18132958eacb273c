import { COMPARED_AFTER, COMPARED_BEFORE, RELATIVE_CUES, YEAR_OPENER } from './data/time-cues.ts';
import { fiveYearPlanSpan } from './period.ts';

/** A stretch of text that speaks of one time: from its cue to the end of the paragraph or the next cue. */
export interface Frame {
  kind: 'review' | 'plan';
  period: string;
  start: number;
  end: number;
}

const RELATIVE = new RegExp(
  `(?<![${COMPARED_BEFORE}])(${RELATIVE_CUES.map((c) => c.words).join('|')})(?!${COMPARED_AFTER})`,
  'g',
);
const CUE_OF_WORD = new Map(RELATIVE_CUES.flatMap((c) => c.words.split('|').map((w) => [w, c] as const)));
// “十四五”时期是…: a five-year plan opening a sentence speaks of its span
const FIVE_YEAR_OPENER = /(^|[。；;！!？?\n])[ \t\u3000]*(?:在|到)?“([一二三四五六七八九十]+)五”(?:时期|期间)/g;
// a year opening a sentence, not a range (2016年至2020年) nor a month (2020年3月)
const SENTENCE_YEAR = new RegExp(`(^|[。；;！!？?\\n])[ \\t\\u3000]*(?:各位代表[，,：:！!]?)?${YEAR_OPENER}(\\d{4})年(?![\\d月代]|度?[到至\\-—~～]|以来)`, 'g');

/**
 * The time frames of a (year-folded) text, in order. `year` is the document's
 * own year (its 今年); without it nothing can be placed in time. A frame ends
 * with its paragraph or at the next of `breaks` (headings: a report printed on
 * one line still changes subject at each).
 */
export function findFrames(text: string, year: number | undefined, breaks: number[] = []): Frame[] {
  if (!year) return [];
  const cues: Omit<Frame, 'end'>[] = [];
  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(text); m; m = RELATIVE.exec(text)) {
    const cue = CUE_OF_WORD.get(m[1])!;
    cues.push({ kind: cue.kind, period: cue.years(year), start: m.index });
  }
  SENTENCE_YEAR.lastIndex = 0;
  for (let m = SENTENCE_YEAR.exec(text); m; m = SENTENCE_YEAR.exec(text)) {
    const y = Number(m[2]);
    if (Math.abs(y - year) > 30) continue;
    cues.push({ kind: y < year ? 'review' : 'plan', period: String(y), start: m.index + m[1].length });
  }
  FIVE_YEAR_OPENER.lastIndex = 0;
  for (let m = FIVE_YEAR_OPENER.exec(text); m; m = FIVE_YEAR_OPENER.exec(text)) {
    const span = fiveYearPlanSpan(m[2]);
    if (!span) continue;
    const [from, to] = span.split('-').map(Number);
    // a plan under way (“十一五”时期 in 2007) says nothing about past or future
    if (to < year - 6 || from > year + 5 || (from < year && to >= year)) continue;
    cues.push({ kind: from >= year ? 'plan' : 'review', period: span, start: m.index + m[1].length });
  }
  cues.sort((a, b) => a.start - b.start);
  const frames: Frame[] = [];
  let b = 0;
  for (let i = 0; i < cues.length; i++) {
    const paragraphEnd = text.indexOf('\n', cues[i].start + 1);
    const next = i + 1 < cues.length ? cues[i + 1].start : text.length;
    while (b < breaks.length && breaks[b] <= cues[i].start) b++;
    const heading = b < breaks.length ? breaks[b] : text.length;
    frames.push({ ...cues[i], end: Math.min(next, heading, paragraphEnd < 0 ? text.length : paragraphEnd) });
  }
  return frames;
}

/** The frame over normalised offset `at`, if a cue before it in its paragraph set one. */
export function frameAt(frames: Frame[], at: number): Frame | undefined {
  let lo = 0;
  let hi = frames.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid].start <= at) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found >= 0 && at < frames[found].end ? frames[found] : undefined;
}
