import { NUMBERED_MARKERS, PART_KIND_WORDS, PLAN_OPENER, TITLE_LINE_MAX, TITLE_WORDS, TITLE_YEAR_LINE } from './data/headings.ts';
import { documentYear, fiveYearPlanSpan } from './period.ts';
import { foldChineseYears } from './years.ts';
import { findFrames, type Frame } from './frames.ts';

export type PartKind = 'review' | 'plan' | 'glossary' | 'other';

export interface Heading {
  level: number;
  /** The marker as written (`一、`, `(二)`, `1.`), empty for a title line. */
  marker: string;
  title: string;
  /** Offsets into the normalised text. */
  start: number;
  end: number;
}

export interface Part {
  kind: PartKind;
  /** `2020`, `2020H1`, `2016-2020`; absent when nothing says. */
  period?: string;
  title: string;
  start: number;
  end: number;
}

export interface Outline {
  year?: number;
  headings: Heading[];
  parts: Part[];
  /** Passages whose own words place them in time (过去一年，…; 今年拟安排…), over their part. */
  frames: Frame[];
}

const MARKER_RE = new RegExp(
  `(^|\\n|[。:：;；!！?？])[ \\t\\u3000]*(${NUMBERED_MARKERS.map((m) => m.pattern).join('|')})|((?<! ) +|\\t)(${NUMBERED_MARKERS.slice(0, 2).map((m) => m.pattern).join('|')})`,
  'g',
);
const MARKER_LEVEL = NUMBERED_MARKERS.map((m) => ({ level: m.level, re: new RegExp(`^(?:${m.pattern})$`) }));
// A paragraph that turns from the reviewed year to what happened since (2020年1月以来, 今年以来) reports actuals of the new year.
const SINCE_RE = /(^|\n)[ \t]*(各位代表[,，!！]?)?(\d{4})年(\d{1,2}月)?以来/g;

/** Headings and parts of a normalised report. `nameHint` is the file name, used for the year only when the text is silent. */
export function buildOutline(normalised: string, nameHint = ''): Outline {
  const text = foldChineseYears(normalised);
  const headings = findHeadings(text);
  const year = documentYear(text, headings, nameHint);
  const breaks = headings.filter((h) => h.level <= 3).map((h) => h.start);
  return { year, headings, parts: findParts(text, headings, year), frames: findFrames(text, year, breaks) };
}

function findHeadings(text: string): Heading[] {
  const out: Heading[] = [];
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(text); m; m = MARKER_RE.exec(text)) {
    const marker = m[2] ?? m[4];
    const start = m.index + m[0].length - marker.length;
    const level = MARKER_LEVEL.find((l) => l.re.test(marker))!.level;
    const title = titleAfter(text, start + marker.length, level);
    if (!title) continue;
    out.push({ level, marker, title, start, end: start + marker.length + title.length });
  }
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    const bare = line.replace(/\s+/g, '');
    if (line && bare.length <= TITLE_LINE_MAX && !/[。，,；;]/.test(line) && (TITLE_WORDS.test(bare) || TITLE_YEAR_LINE.test(bare))
      && !/^\d{4}年\d{1,2}月/.test(line) && !out.some((h) => h.start >= start && h.start < end)) {
      const at = start + text.slice(start, end).indexOf(line);
      out.push({ level: 0, marker: '', title: bare, start: at, end: at + line.length });
    }
    start = end + 1;
  }
  return out.sort((a, b) => a.start - b.start);
}

function titleAfter(text: string, from: number, level: number): string {
  const stop = level === 4 ? /[，,。；;：:\n]/ : /[。；;\n]|\s{1,}(?=\S)/;
  const rest = text.slice(from, from + 80);
  const m = stop.exec(rest);
  const title = (m ? rest.slice(0, m.index) : rest).trim();
  return title.length >= 2 ? title.slice(0, 60) : '';
}

/** Only a title-like heading opens a part: a numbered sentence in a paragraph (一、对原材料，…) does not. */
const PART_TITLE_MAX = 30;

function classify(title: string): 'review' | 'plan' | 'glossary' | undefined {
  if (title.length > PART_TITLE_MAX || /[，,]/.test(title)) return undefined;
  return PART_KIND_WORDS.find((k) => k.pattern.test(title))?.kind;
}

/** 2019年主要工作 in a 2020 report looks back; 2020年重点 looks ahead. */
function kindByYear(title: string, year: number | undefined): 'review' | 'plan' | undefined {
  const y = /(\d{4})年[^\d]{0,10}工作/.exec(title);
  if (!y || !year || title.length > PART_TITLE_MAX) return undefined;
  return Number(y[1]) < year ? 'review' : 'plan';
}

function findParts(text: string, headings: Heading[], year: number | undefined): Part[] {
  const starts: Omit<Part, 'end'>[] = [{ kind: 'other', title: '', start: 0 }];
  let reviewLevel = -1;
  for (const h of headings) {
    if (h.level > 1) continue;
    let kind = classify(h.title) ?? kindByYear(h.title, year);
    // 一、1994年国内工作的回顾 … 二、促进国民经济持续发展: after a numbered review, the next numbered part sets out the year's work
    if (!kind && h.level === 1 && reviewLevel === 1) kind = 'plan';
    if (kind) {
      starts.push({ kind, title: h.title, start: h.start, period: partPeriod(kind, h.title, year) });
      reviewLevel = kind === 'review' ? h.level : -1;
    }
  }
  SINCE_RE.lastIndex = 0;
  for (let m = SINCE_RE.exec(text); m; m = SINCE_RE.exec(text)) {
    const y = Number(m[3]);
    if (year && y >= year) starts.push({ kind: 'review', title: m[0].trim(), start: m.index + m[1].length, period: String(y) });
  }
  starts.sort((a, b) => a.start - b.start);
  PLAN_OPENER.lastIndex = 0;
  for (let m = PLAN_OPENER.exec(text); m; m = PLAN_OPENER.exec(text)) {
    if (!year || (m.groups?.year && Number(m.groups.year) !== year)) continue;
    const span = m.groups?.plan ? fiveYearPlanSpan(m.groups.plan) : String(year);
    if (!span || Number(span.slice(0, 4)) < year) continue;
    const at = m.index + m[1].length;
    const current = starts.filter((p) => p.start <= at).pop();
    // a five-year plan part (2001-2005) gives way to the year's own plan too
    if (current && current.kind !== 'glossary' && (current.kind !== 'plan' || current.period !== span)) starts.push({ kind: 'plan', title: m[0].trim(), start: at, period: span });
    starts.sort((a, b) => a.start - b.start);
  }
  const parts = starts.map((p, i) => ({ ...p, end: i + 1 < starts.length ? starts[i + 1].start : text.length }));
  return parts.filter((p) => p.end > p.start || p.start === 0);
}

function partPeriod(kind: 'review' | 'plan' | 'glossary', title: string, year: number | undefined): string | undefined {
  if (kind === 'glossary') return undefined;
  const y = /(\d{4})年/.exec(title);
  const span = /(\d{4})\s*[-—–~～至到]\s*(\d{4})年/.exec(title);
  if (span) return `${span[1]}-${span[2]}`;
  const plan = /“([一二三四五六七八九十]+)五”/.exec(title);
  if (plan && (kind === 'review' || !y)) return fiveYearPlanSpan(plan[1]);
  if (/上半年/.test(title)) return `${y ? y[1] : year ?? ''}H1` || undefined;
  if (y) return y[1];
  if (!year) return undefined;
  if (kind === 'review') return /五年/.test(title) ? `${year - 5}-${year - 1}` : String(year - 1);
  return String(year);
}

/** The part that holds normalised offset `at`. */
export function partAt(outline: Outline, at: number): Part {
  let lo = 0;
  for (let i = 0; i < outline.parts.length; i++) if (outline.parts[i].start <= at) lo = i;
  return outline.parts[lo];
}

/** The heading path (levels 0–3, outermost first) over normalised offset `at`. */
export function sectionAt(outline: Outline, at: number): string[] {
  const stack: Heading[] = [];
  for (const h of outline.headings) {
    if (h.start > at) break;
    if (h.level > 3) continue;
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    stack.push(h);
  }
  return stack.map((h) => (h.marker + h.title).trim());
}
