import { buildOutline, sectionAt, type Outline, type Part } from '../../outline/outline.ts';
import { type MappedText, originalSpan } from '../../text/offset-map.ts';
import { normalise } from '../../text/normalise.ts';
import { extractQuantities } from '../quantities/extract.ts';
import type { QuantityRecord } from '../quantity.ts';
import { findDeadlines } from './deadlines.ts';
import { ACTION_WORDS, MAIN_INDICATORS, QUALITATIVE_PHRASES, RHETORIC_OPENINGS, SECTION_KIND_CUES, TEXT_KIND_CUES } from './kinds.ts';
import { clauses, type Piece, sentences } from './split.ts';
import type { ReportTask, TaskKind } from './types.ts';

export interface TaskInput {
  norm: MappedText;
  outline: Outline;
  /** Quantities of the same text (from the extraction engine), attached to the task that holds them. */
  quantities?: QuantityRecord[];
}

/** A paragraph's opening phrase that names its topic (提升科技创新能力。): short, no figure. */
const TOPIC_MAX = 16;
/** A clause that opens a new commitment of its own. */
const COMMITMENT_START = /^(大力|全力|积极|加快|深入|全面|持续|着力|切实|进一步|力争|争取)?(推进|推动|实施|建设|建成|完成|新增|新建|培育|打造|创建|启动|举办|组建|开工|引进|改造|实现|新改建|建立|出台)/;
const HAS_FIGURE = /\d|[一二三四五六七八九十两百千万]+(个|家|条|项|所|座)/;
const LEADING_MARKS = /^(——|—|－|-|[一二三四五六七八九十]是|首先|其次|同时|此外)[,，、]?\s*/;

function planYear(part: Part, outline: Outline): number | undefined {
  const m = part.period ? /^(\d{4})/.exec(part.period) : null;
  return m ? Number(m[1]) : outline.year;
}

/**
 * Splits a sentence holding several independent commitments, each with its
 * own figure (新增…5个，新建…25个), into one piece per commitment. Clauses
 * without a figure stay with the commitment before them.
 */
function commitments(sentence: Piece): Piece[] {
  const parts = clauses(sentence.text, sentence.start);
  if (parts.length < 2) return [sentence];
  const groups: Piece[][] = [[parts[0]]];
  for (let i = 1; i < parts.length; i++) {
    const current = groups[groups.length - 1];
    const leftHasFigure = current.some((p) => HAS_FIGURE.test(p.text));
    const rightHasFigure = parts.slice(i).some((p) => HAS_FIGURE.test(p.text)) && HAS_FIGURE.test(parts[i].text);
    if (leftHasFigure && rightHasFigure && COMMITMENT_START.test(parts[i].text)) groups.push([parts[i]]);
    else current.push(parts[i]);
  }
  return groups.map((g) => {
    const raw = sentence.text.slice(g[0].start - sentence.start, g[g.length - 1].end - sentence.start);
    const text = raw.replace(/[，,]+$/, '');
    return { text, start: g[0].start, end: g[0].start + text.length };
  });
}

/** In the opening of a plan, only the clauses from the first main indicator on are targets. */
function targetClauses(sentence: Piece): Piece | undefined {
  const parts = clauses(sentence.text, sentence.start);
  const first = parts.findIndex((p) => MAIN_INDICATORS.test(p.text) && HAS_FIGURE.test(p.text));
  if (first < 0) return undefined;
  const from = parts[first];
  const text = sentence.text.slice(from.start - sentence.start);
  const cut = /^.{0,30}?目标(?:是|为)[:：]|^(?:建议|奋力|努力|力争|确保|实现)+/.exec(text);
  const at = cut ? cut[0].length : 0;
  return { text: text.slice(at), start: from.start + at, end: sentence.end };
}

function kindOf(text: string, section: string[], opening: boolean): TaskKind {
  for (const [kind, cue] of SECTION_KIND_CUES) if (section.some((s) => cue.test(s))) return kind;
  if (opening) return 'target';
  for (const [kind, cue] of TEXT_KIND_CUES) if (cue.test(text)) return kind;
  return 'key-work';
}

/**
 * Drafts the tasks of a report's plan parts: one per commitment a unit can
 * be held to — usually a sentence, a clause group when a sentence holds
 * several commitments with figures of their own. Headings and a
 * paragraph's topic phrase become the task's section path; talk about the
 * plan (今年是…, 总体要求是…) is left out, and in the plan's opening only the
 * main targets are taken.
 */
export function extractTasks(input: TaskInput): ReportTask[] {
  const { norm, outline } = input;
  const text = norm.text;
  const tasks: ReportTask[] = [];
  for (const part of outline.parts.filter((p) => p.kind === 'plan')) {
    const year = planYear(part, outline);
    const firstHeading = outline.headings.find((h) => h.start > part.start && h.start < part.end && h.level >= 1 && h.level <= 2);
    for (const [blockStart, blockEnd] of blocks(text, outline, part)) {
      const raw = text.slice(blockStart, blockEnd);
      const paraStart = blockStart + (raw.length - raw.trimStart().length);
      const paraEnd = blockStart + raw.trimEnd().length;
      if (paraEnd <= paraStart) continue;
      const heading = outline.headings.find((h) => h.start === paraStart && h.level <= 3);
      let bodyStart = paraStart;
      if (heading) {
        if (heading.end >= paraEnd - 1) continue;
        bodyStart = heading.end;
      }
      const opening = !firstHeading || paraStart < firstHeading.start;
      const pieces = sentences(text.slice(bodyStart, paraEnd), bodyStart);
      if (heading && pieces[0] && /^[。；;，,]/.test(pieces[0].text)) pieces.shift();
      const path = sectionAt(outline, paraStart);
      let section = path;
      for (const [i, sentence] of pieces.entries()) {
        const cleaned = sentence.text.replace(LEADING_MARKS, '');
        const base: Piece = { text: cleaned, start: sentence.end - cleaned.length, end: sentence.end };
        // A short phrase opening a paragraph or an 一是 run names the topic of what follows (提升科技创新能力。).
        const marked = cleaned !== sentence.text;
        if (!opening && (i === 0 || marked) && i + 1 < pieces.length && cleaned.length <= TOPIC_MAX && !/\d/.test(cleaned) && /。$/.test(cleaned)) {
          section = [...path, cleaned.replace(/。$/, '')];
          continue;
        }
        let candidates: Piece[];
        if (opening) {
          const target = targetClauses(base);
          candidates = target ? [target] : [];
        } else {
          if (RHETORIC_OPENINGS.test(base.text) || !ACTION_WORDS.test(base.text) || base.text.length < 6) continue;
          candidates = commitments(base);
        }
        for (const c of candidates) {
          const span = originalSpan(norm, c.start, c.end);
          const deadlines = year === undefined ? [] : findDeadlines(c.text, year).map((d) => ({
            phrase: d.phrase, due: d.due, period: d.period, span: originalSpan(norm, c.start + d.start, c.start + d.end),
          }));
          tasks.push({
            no: tasks.length + 1,
            text: c.text,
            span,
            section,
            kind: kindOf(c.text, section, opening),
            qualitative: QUALITATIVE_PHRASES.filter((q) => c.text.includes(q) && !QUALITATIVE_PHRASES.some((o) => o !== q && o.includes(q) && c.text.includes(o))),
            deadlines,
            // The quantity's quote may reach back before the task's first word (建议奋力实现地区生产总值…).
            quantities: (input.quantities ?? []).filter((q) => q.span.end > span.start && q.span.end <= span.end),
          });
        }
      }
    }
  }
  return tasks;
}

/** The paragraphs of a part, also cut where a heading starts inside a line (a report printed as one line). */
function blocks(text: string, outline: Outline, part: Part): [number, number][] {
  const cuts = new Set<number>([part.start, part.end]);
  for (let i = text.indexOf('\n', part.start); i >= 0 && i < part.end; i = text.indexOf('\n', i + 1)) cuts.add(i + 1);
  for (const h of outline.headings) if (h.level >= 1 && h.level <= 3 && h.start > part.start && h.start < part.end) cuts.add(h.start);
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(0, -1).map((c, i) => [c, sorted[i + 1]]);
}

/** Normalises, outlines and extracts a report's quantities, then drafts its tasks. */
export function tasksFromReport(original: string, name = ''): ReportTask[] {
  const norm = normalise(original);
  const outline = buildOutline(norm.text, name);
  const quantities = extractQuantities(name, norm, outline);
  return extractTasks({ norm, outline, quantities });
}

